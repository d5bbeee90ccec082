#pragma once

#include "models/BacktestReport.h"
#include "models/NamedRuleSet.h"
#include "widgets/Theme.h"

#include <QFutureWatcher>
#include <QGroupBox>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;
class QToolButton;

namespace vantage {

class BacktestReportModel;

// The alert rules dialog's backtest (docs/alert-rules-dialog.md): a log path with Browse, Run,
// and the report of the last run side by side per rule (BacktestReportModel), under the log's
// span and samples, or a plain error for a log that cannot be read. A run reads the log on a
// worker thread (runBacktest, QtConcurrent on workerPool()) while the panel shows busy; the
// dialog stays live.
class BacktestPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit BacktestPanel(QWidget *parent = nullptr);

    void setLogPath(const QString &path);
    QString logPath() const;
    // Whether the rules can be run; when not, `why` is the Run button's tooltip.
    void setRunnable(bool runnable, const QString &why = QString());
    // Runs the sets over the log on a worker thread, unless a run is going already.
    void run(std::vector<NamedRuleSet> sets);
    bool isRunning() const;
    void setTheme(const Theme &theme);

    BacktestReportModel *results() const { return m_results; }

Q_SIGNALS:
    // The Run button: the owner answers with run() and the sets to compare.
    void runRequested();
    // A run ended, with its report shown or its error.
    void finished();

private:
    struct Outcome
    {
        std::optional<BacktestReport> report;
        QString error;
    };

    void browse();
    void onFinished();
    void refreshRunButton();

    QLineEdit *m_path;
    QToolButton *m_browse;
    QToolButton *m_run;
    QProgressBar *m_busy;
    QLabel *m_summary;
    QLabel *m_error;
    QTableView *m_view;
    BacktestReportModel *m_results;
    QFutureWatcher<Outcome> *m_watcher;
    QString m_runPath;      // the log of the run going or last ended
    bool m_running = false; // till its outcome is shown, which is after the future itself ends
    bool m_runnable = true;
    QString m_notRunnableWhy;
};

} // namespace vantage
