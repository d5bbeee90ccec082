#include "app/HeadlessRun.h"

#include "app/FeedSession.h"
#include "app/JournalSetup.h"
#include "app/JsonFile.h"
#include "app/RecorderSetup.h"
#include "app/RssMilestones.h"
#include "app/SourceFactory.h"
#include "app/StatsReport.h"
#include "feed/ShutdownSignals.h"
#include "models/DashboardModels.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QTimer>

namespace vantage {

int runHeadless(const AppOptions &options)
{
    QTextStream err(stderr);
    SourceChoice choice = makeSource(options);
    if (!choice.source) {
        err << "vantage: " << choice.error << Qt::endl;
        return 1;
    }
    DashboardModels models(nullptr, systemNowMs, options.feedCapacity);
    const std::optional<JournalOptions> journal =
        choice.replay ? std::nullopt : journalOptions(options, false);
    FeedSession session(std::move(choice.source), &models, makeRecorder(options), nullptr,
                        journal ? makeJournal(*journal, choice.origin) : nullptr);
    QElapsedTimer elapsed;

    // A recording or journal that stops (cannot open, disk full) is reported when it happens; the
    // feed goes on.
    QString recordError;
    QString journalError;
    RssMilestones rss;
    QObject::connect(&models, &DashboardModels::batchApplied, &models, [&] {
        rss.update(models.stats().framesReceived);
        if (recordError.isEmpty() && !models.stats().recordError.isEmpty()) {
            recordError = models.stats().recordError;
            err << "vantage: " << recordError << Qt::endl;
        }
        if (journalError.isEmpty() && !models.stats().journalError.isEmpty()) {
            journalError = models.stats().journalError;
            err << "vantage: " << journalError << Qt::endl;
        }
    });

    QObject::connect(&session, &FeedSession::sourceEnded, qApp, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    // A script's Ctrl+C or kill ends the run as --duration would: with the stats written.
    ShutdownSignals shutdown;
    QObject::connect(&shutdown, &ShutdownSignals::received, qApp, &QCoreApplication::quit);
    if (options.durationS > 0)
        QTimer::singleShot(qRound64(options.durationS * 1000), qApp, &QCoreApplication::quit);

    elapsed.start();
    session.start();
    QCoreApplication::exec();
    session.finish();

    const ConnectionStatus &last = models.connectionStatus();
    const bool failed = last.state == ConnectionState::Error;
    if (failed)
        err << "vantage: " << choice.label << ": " << last.reason << Qt::endl;
    if (!options.statsJsonPath.isEmpty()) {
        QJsonObject report =
            buildStatsReport(models, session.history(), choice.label, double(elapsed.elapsed()) / 1000.0);
        addRunMeasurements(report, &session, !choice.replay, rss);
        QString error;
        if (!writeJsonFile(options.statsJsonPath, report, &error)) {
            err << "vantage: cannot write " << options.statsJsonPath << ": " << error << Qt::endl;
            return 1;
        }
    }
    return failed || !recordError.isEmpty() ? 1 : 0;
}

} // namespace vantage
