#include "ui/AlertPanel.h"

#include "models/AlertModel.h"
#include "ui/PlainLabel.h"
#include "widgets/AlertItemDelegate.h"
#include "widgets/Pill.h"
#include "widgets/TypeScale.h"
#include "widgets/ValueFormat.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QStackedWidget>
#include <QStyleOptionViewItem>
#include <QToolButton>
#include <QVBoxLayout>

namespace vantage {

namespace {
// Most severe first, as the operator reads them.
constexpr std::array<Severity, 4> severitiesBySeverity = {Severity::Critical, Severity::Error, Severity::Warning,
                                                          Severity::Info};

QToolButton *actionButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(name);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}
} // namespace

AlertPanel::AlertPanel(AlertModel *alerts, QWidget *parent, NowFn now, const QString &name)
    : QFrame(parent),
      m_alerts(alerts),
      m_delegate(new AlertItemDelegate(this, std::move(now))),
      m_header(plainLabel(this, name + QStringLiteral(".header"))),
      m_resolvedPill(new Pill(QString(), this)),
      m_ackButton(actionButton(tr("Acknowledge\u2026"), name + QStringLiteral(".acknowledge"), this)),
      m_silenceButton(actionButton(tr("Silence"), name + QStringLiteral(".silence"), this)),
      m_actions(new QWidget(this)),
      m_stack(new QStackedWidget(this)),
      m_view(new QListView(this)),
      m_empty(plainLabel(this, name + QStringLiteral(".empty")))
{
    setObjectName(QStringLiteral("panel.") + name);
    setProperty("panel", true);

    m_header->setProperty("panelTitle", true);
    m_empty->setText(tr("No alerts. All systems quiet."));

    auto *header = new QHBoxLayout;
    header->setSpacing(6);
    header->addWidget(m_header);
    header->addStretch(1);
    for (Severity severity : severitiesBySeverity) {
        auto *pill = new Pill(QString(), this);
        pill->setObjectName(name + QStringLiteral(".count.") + severityName(severity));
        pill->hide();
        m_severityPills[size_t(severity)] = pill;
        header->addWidget(pill);
    }
    m_resolvedPill->setObjectName(name + QStringLiteral(".count.resolved"));
    m_resolvedPill->hide();
    header->addWidget(m_resolvedPill);

    m_ackButton->setToolTip(tr("Acknowledge the selected alert: say who is on it (Enter or double-click)"));
    connect(m_ackButton, &QToolButton::clicked, this, [this] {
        if (const QString id = selectedOpenId(); !id.isEmpty())
            Q_EMIT acknowledgeRequested(id);
    });
    m_silenceButton->setToolTip(tr("Silence the selected alert's notifications for a while"));
    m_silenceButton->setPopupMode(QToolButton::InstantPopup);
    auto *silenceMenu = new QMenu(m_silenceButton);
    connect(silenceMenu, &QMenu::aboutToShow, this, [this, silenceMenu] { fillSilenceMenu(silenceMenu); });
    m_silenceButton->setMenu(silenceMenu);
    // Shown only while an open alert is selected, so the list keeps the room otherwise.
    m_actions->setObjectName(name + QStringLiteral(".actions"));
    auto *actions = new QHBoxLayout(m_actions);
    actions->setContentsMargins(0, 0, 0, 0);
    actions->setSpacing(4);
    actions->addWidget(m_ackButton);
    actions->addWidget(m_silenceButton);
    actions->addStretch(1);
    m_actions->hide();

    m_view->setObjectName(name + QStringLiteral(".view"));
    m_view->setModel(alerts);
    m_view->setItemDelegate(m_delegate);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QListView::customContextMenuRequested, this, &AlertPanel::showContextMenu);
    connect(m_view, &QListView::activated, this, [this] {
        if (const QString id = selectedOpenId(); !id.isEmpty() && !m_readOnly)
            Q_EMIT acknowledgeRequested(id);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &AlertPanel::updateActions);
    // A row grows a line when someone acknowledges or silences it; list views lay out again only
    // when told.
    connect(alerts, &QAbstractItemModel::dataChanged, m_delegate,
            [this](const QModelIndex &topLeft) { Q_EMIT m_delegate->sizeHintChanged(topLeft); });

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setProperty("muted", true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_actions);
    layout->addWidget(m_stack, 1);

    fitToFont();
    refresh();
}

void AlertPanel::fitToFont()
{
    // At least two alerts stay in sight on a small screen, before the map beside gets room.
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    m_view->setMinimumHeight(2 * m_delegate->sizeHint(option, QModelIndex()).height() + 4);
    if (QLayout *outer = layout()) {
        const auto px = [this](int designPx) { return TypeScale::px(font(), designPx); };
        outer->setContentsMargins(px(14), px(12), px(14), px(6));
        outer->setSpacing(px(6));
    }
}

void AlertPanel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // A wall's type scale (MainWindow::setTypeScale) reaches the panel as a new font.
    if (event->type() == QEvent::FontChange)
        fitToFont();
}

void AlertPanel::setTheme(const Theme &theme)
{
    m_theme = theme;
    m_delegate->setTheme(theme);
    for (Severity severity : severitiesBySeverity)
        m_severityPills[size_t(severity)]->setColor(theme.severityColor(severity));
    m_resolvedPill->setColor(theme.good);
    m_view->viewport()->update();
}

QString AlertPanel::headerText() const
{
    return m_header->text();
}

QString AlertPanel::severityCountsText() const
{
    QStringList parts;
    for (Severity severity : severitiesBySeverity) {
        const int count = m_alerts->openCount(severity);
        if (count > 0)
            parts << tr("%1 %2").arg(count).arg(severityName(severity));
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString AlertPanel::selectedOpenId() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !current.data(AlertModel::IsOpenRole).toBool())
        return {};
    return current.data(AlertModel::IdRole).toString();
}

void AlertPanel::refresh()
{
    const int open = m_alerts->openCount();
    QString header = tr("Alerts \u00b7 %n open", nullptr, open);
    if (const int users = m_alerts->affectedUsers(); users > 0)
        header += tr(" \u00b7 %1 users affected").arg(ValueFormat::count(users));
    m_header->setText(header);
    for (Severity severity : severitiesBySeverity) {
        const int count = m_alerts->openCount(severity);
        Pill *pill = m_severityPills[size_t(severity)];
        pill->setText(tr("%1 %2").arg(count).arg(QString(severityName(severity)).toUpper()));
        pill->setVisible(count > 0);
    }
    const int resolved = m_alerts->resolvedCount();
    m_resolvedPill->setText(tr("%1 RESOLVED").arg(resolved));
    m_resolvedPill->setVisible(resolved > 0);
    m_stack->setCurrentWidget(m_alerts->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
    updateActions();
}

void AlertPanel::tick()
{
    m_view->viewport()->update();
}

void AlertPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_view->setContextMenuPolicy(readOnly ? Qt::NoContextMenu : Qt::CustomContextMenu);
    updateActions();
}

void AlertPanel::updateActions()
{
    const bool open = !m_readOnly && !selectedOpenId().isEmpty();
    m_ackButton->setEnabled(open);
    m_silenceButton->setEnabled(open);
    m_actions->setVisible(open);
}

void AlertPanel::fillSilenceMenu(QMenu *menu)
{
    menu->clear();
    const QString id = selectedOpenId();
    if (id.isEmpty())
        return;
    for (const qint64 forMs : silenceChoicesMs) {
        menu->addAction(tr("For %1").arg(ValueFormat::duration(forMs)), this,
                        [this, id, forMs] { Q_EMIT silenceRequested(id, forMs); });
    }
    const QModelIndex current = m_view->currentIndex();
    if (current.data(AlertModel::SilencedUntilRole).toLongLong() > 0) {
        menu->addSeparator();
        menu->addAction(tr("Lift silence"), this, [this, id] { Q_EMIT silenceRequested(id, 0); });
    }
}

void AlertPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    if (selectedOpenId().isEmpty())
        return;
    QMenu menu(this);
    menu.addAction(tr("Acknowledge\u2026"), this, [this, id = selectedOpenId()] { Q_EMIT acknowledgeRequested(id); });
    QMenu *silence = menu.addMenu(tr("Silence"));
    fillSilenceMenu(silence);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace vantage
