#include "ui/AlertRulesDialog.h"

#include "models/NamedRuleSet.h"
#include "ui/AlertRuleDelegate.h"
#include "ui/AlertRuleTableModel.h"
#include "ui/BacktestPanel.h"
#include "ui/PlainLabel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace vantage {

namespace {

QToolButton *toolButton(QWidget *parent, const QString &objectName, const QString &text)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    return button;
}

} // namespace

AlertRulesDialog::AlertRulesDialog(QWidget *parent)
    : QDialog(parent)
    , m_model(new AlertRuleTableModel(this))
    , m_view(new QTableView(this))
    , m_add(toolButton(this, QStringLiteral("rules.add"), tr("Add")))
    , m_duplicate(toolButton(this, QStringLiteral("rules.duplicate"), tr("Duplicate")))
    , m_remove(toolButton(this, QStringLiteral("rules.remove"), tr("Remove")))
    , m_problems(plainLabel(this, QStringLiteral("rules.problems")))
    , m_backtest(new BacktestPanel(this))
    , m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Save | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this))
    , m_save(m_buttons->button(QDialogButtonBox::Save))
    , m_restore(m_buttons->button(QDialogButtonBox::RestoreDefaults))
{
    setObjectName(QStringLiteral("alertRulesDialog"));
    setWindowTitle(tr("Alert rules"));
    m_save->setObjectName(QStringLiteral("rules.save"));
    m_restore->setObjectName(QStringLiteral("rules.restoreDefaults"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("rules.cancel"));
    // Enter commits a cell's edit; it must not save or close the dialog as well.
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(button))
            push->setAutoDefault(false);
    }

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildRulesPart());
    splitter->addWidget(m_backtest);
    // Even: the report has a row per rule too.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_buttons);

    connect(m_add, &QToolButton::clicked, this, &AlertRulesDialog::addRule);
    connect(m_duplicate, &QToolButton::clicked, this, &AlertRulesDialog::duplicateRule);
    connect(m_remove, &QToolButton::clicked, this, &AlertRulesDialog::removeRule);
    connect(m_save, &QPushButton::clicked, this, &AlertRulesDialog::save);
    connect(m_restore, &QPushButton::clicked, this, [this] { m_model->setRules(AlertRule::defaults()); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_backtest, &BacktestPanel::runRequested, this, &AlertRulesDialog::runBacktest);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertRulesDialog::refreshProblems);
    // A reset clears the selection without saying so.
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertRulesDialog::refreshRowButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AlertRulesDialog::refreshProblems);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AlertRulesDialog::refreshProblems);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AlertRulesDialog::refreshProblems);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertRulesDialog::refreshRowButtons);

    setTheme(Theme::dark());
    refreshProblems();
    refreshRowButtons();
    resize(1100, 720);
}

QWidget *AlertRulesDialog::buildRulesPart()
{
    auto *part = new QWidget(this);
    QLabel *about = plainLabel(part, QStringLiteral("rules.about"));
    about->setText(tr("Rules raise alerts in this window from the metrics it receives. Changes apply "
                      "when saved; double-click a cell to edit it."));
    about->setProperty("muted", true);
    about->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("rules.view"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new AlertRuleDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AlertRuleTableModel::MessageColumn,
                                                     QHeaderView::Stretch);

    m_problems->setWordWrap(true);
    m_problems->hide();

    auto *buttons = new QHBoxLayout;
    for (QToolButton *button : {m_add, m_duplicate, m_remove})
        buttons->addWidget(button);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(about);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_problems);
    return part;
}

void AlertRulesDialog::setRules(std::vector<AlertRule> rules)
{
    m_current = rules;
    m_model->setRules(std::move(rules));
}

std::vector<AlertRule> AlertRulesDialog::rules() const
{
    return m_model->rules();
}

void AlertRulesDialog::setLogPath(const QString &path)
{
    m_backtest->setLogPath(path);
}

void AlertRulesDialog::setTheme(const Theme &theme)
{
    setPalette(theme.palette());
    m_model->setProblemColor(theme.critical);
    m_problems->setStyleSheet(QStringLiteral("color: %1;").arg(theme.critical.name()));
    m_backtest->setTheme(theme);
}

bool AlertRulesDialog::canSave() const
{
    return !m_model->hasProblems();
}

QStringList AlertRulesDialog::problems() const
{
    return m_model->problems();
}

void AlertRulesDialog::addRule()
{
    // A new rule holds and repeats as the defaults do; its metric and thresholds are the
    // operator's to fill in, and until then the rule says what it lacks.
    const AlertRule seed = AlertRule::defaults().front();
    AlertRule rule;
    rule.id = QStringLiteral("rule");
    rule.forMs = seed.forMs;
    rule.repeatAfterMs = seed.repeatAfterMs;
    rule.message = tr("Value {value} reached {threshold}");
    const int selected = selectedRow();
    const int row = m_model->insertRule(selected < 0 ? m_model->rowCount() : selected + 1, std::move(rule));
    selectRow(row);
    m_view->edit(m_model->index(row, AlertRuleTableModel::MetricColumn));
}

void AlertRulesDialog::duplicateRule()
{
    const int selected = selectedRow();
    if (selected < 0)
        return;
    selectRow(m_model->insertRule(selected + 1, m_model->rules()[size_t(selected)]));
}

void AlertRulesDialog::removeRule()
{
    const int selected = selectedRow();
    if (selected < 0)
        return;
    m_model->removeRule(selected);
    if (m_model->rowCount() > 0)
        selectRow(std::min(selected, m_model->rowCount() - 1));
}

void AlertRulesDialog::save()
{
    if (!canSave())
        return;
    m_current = rules();
    Q_EMIT rulesSaved(m_current);
    accept();
}

void AlertRulesDialog::runBacktest()
{
    m_backtest->run({{QStringLiteral("current"), m_current}, {QStringLiteral("edited"), rules()}});
}

void AlertRulesDialog::refreshProblems()
{
    const QStringList lines = m_model->problems();
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
    m_save->setEnabled(lines.isEmpty());
    const QString why = lines.isEmpty() ? QString() : tr("Fix the rules first: %1").arg(lines.constFirst());
    m_save->setToolTip(why);
    m_backtest->setRunnable(lines.isEmpty(), why);
}

void AlertRulesDialog::refreshRowButtons()
{
    const bool selected = selectedRow() >= 0;
    m_duplicate->setEnabled(selected);
    m_remove->setEnabled(selected);
}

int AlertRulesDialog::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void AlertRulesDialog::selectRow(int row)
{
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, 0));
}

} // namespace vantage
