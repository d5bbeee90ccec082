#include "ui/BacktestPanel.h"

#include "models/AlertBacktest.h"
#include "models/BacktestReportText.h"
#include "ui/BacktestReportModel.h"
#include "ui/LogFiles.h"
#include "ui/PlainLabel.h"
#include "widgets/WorkerPool.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace vantage {

BacktestPanel::BacktestPanel(QWidget *parent)
    : QGroupBox(tr("Backtest"), parent)
    , m_path(new QLineEdit(this))
    , m_browse(new QToolButton(this))
    , m_run(new QToolButton(this))
    , m_busy(new QProgressBar(this))
    , m_summary(plainLabel(this, QStringLiteral("backtest.summary")))
    , m_error(plainLabel(this, QStringLiteral("backtest.error")))
    , m_view(new QTableView(this))
    , m_results(new BacktestReportModel(this))
    , m_watcher(new QFutureWatcher<Outcome>(this))
{
    setObjectName(QStringLiteral("backtest"));

    QLabel *about = plainLabel(this, QStringLiteral("backtest.about"));
    about->setText(tr("Runs the rules in force (\"current\") and the rules as edited (\"edited\") over a "
                      "recorded log, as fast as it can be read."));
    about->setProperty("muted", true);
    about->setWordWrap(true);

    m_path->setObjectName(QStringLiteral("backtest.log"));
    m_path->setPlaceholderText(tr("Recorded log (NDJSON, gzip or not)"));
    m_browse->setObjectName(QStringLiteral("backtest.browse"));
    m_browse->setText(tr("Browse\u2026"));
    m_run->setObjectName(QStringLiteral("backtest.run"));
    m_run->setText(tr("Run"));
    m_busy->setObjectName(QStringLiteral("backtest.busy"));
    m_busy->setRange(0, 0); // busy: the indexer reports no progress to a backtest
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->hide();

    m_summary->setWordWrap(true);
    m_summary->hide();
    m_error->setWordWrap(true);
    m_error->hide();

    m_view->setObjectName(QStringLiteral("backtest.results"));
    m_view->setModel(m_results);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setMinimumHeight(160);

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    pathRow->addWidget(m_run);
    pathRow->addWidget(m_busy);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(pathRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);

    connect(m_path, &QLineEdit::textChanged, this, &BacktestPanel::refreshRunButton);
    connect(m_browse, &QToolButton::clicked, this, &BacktestPanel::browse);
    connect(m_run, &QToolButton::clicked, this, &BacktestPanel::runRequested);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &BacktestPanel::onFinished);
    refreshRunButton();
    setTheme(Theme::dark());
}

void BacktestPanel::setLogPath(const QString &path)
{
    m_path->setText(path);
}

QString BacktestPanel::logPath() const
{
    return m_path->text().trimmed();
}

void BacktestPanel::setRunnable(bool runnable, const QString &why)
{
    m_runnable = runnable;
    m_notRunnableWhy = why;
    refreshRunButton();
}

void BacktestPanel::run(std::vector<NamedRuleSet> sets)
{
    if (m_running || logPath().isEmpty())
        return;
    m_running = true;
    m_runPath = logPath();
    m_busy->show();
    m_error->hide();
    refreshRunButton();
    // The lambda owns copies of everything it reads: the panel may be gone before it ends.
    m_watcher->setFuture(
        QtConcurrent::run(workerPool(), [path = m_runPath, sets = std::move(sets)]() mutable {
            Outcome outcome;
            outcome.report = runBacktest(path, std::move(sets), &outcome.error);
            return outcome;
        }));
}

bool BacktestPanel::isRunning() const
{
    return m_running;
}

void BacktestPanel::setTheme(const Theme &theme)
{
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(theme.critical.name()));
}

void BacktestPanel::browse()
{
    const QString path = chooseLogToOpen(this);
    if (!path.isEmpty())
        setLogPath(path);
}

void BacktestPanel::onFinished()
{
    m_running = false;
    m_busy->hide();
    const Outcome outcome = m_watcher->result();
    if (outcome.report) {
        m_results->setReport(*outcome.report);
        QString summary = BacktestReportText::logLine(m_runPath, *outcome.report);
        if (m_results->firingAtEnd())
            summary += QLatin1Char('\n') + tr("+: still firing at the end of the log");
        m_summary->setText(summary);
        m_summary->show();
    } else {
        m_results->clear();
        m_summary->hide();
        m_error->setText(tr("The backtest could not run: %1").arg(outcome.error));
        m_error->show();
    }
    refreshRunButton();
    Q_EMIT finished();
}

void BacktestPanel::refreshRunButton()
{
    QString why;
    if (m_running)
        why = tr("A backtest is running");
    else if (!m_runnable)
        why = m_notRunnableWhy;
    else if (logPath().isEmpty())
        why = tr("Choose a log to run the rules over");
    m_run->setEnabled(why.isEmpty());
    m_run->setToolTip(why.isEmpty() ? tr("Run the current and the edited rules over the log") : why);
}

} // namespace vantage
