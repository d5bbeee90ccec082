#include "IngestOptions.h"
#include "IngestReport.h"
#include "IngestRun.h"
#include "LatencyReport.h"
#include "LatencyRun.h"
#include "SoakReport.h"
#include "SoakRun.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QTextStream>

using namespace vantage;

// End-to-end ingest: the real vantage-relay sends the demo stream over WebSocket on 127.0.0.1.
// 1. As fast as the client reads: (a) a bare QWebSocket floor, (b) `vantage --headless` and (c) the
//    window painting offscreen take turns, each against a fresh relay; medians and b/a, c/a.
// 2. At fixed rates, the latency from send to applied-in-model, headless and with the window.
// 3. Memory: RSS of `vantage --headless` after a tenth of --soak-events and after all of them.
// (docs/performance.md)
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const IngestCommandLine parsed =
        parseIngestCommandLine(QCoreApplication::arguments(), QCoreApplication::applicationDirPath());
    if (!parsed.options)
        return printCommandLineMessage(parsed.message, parsed.exitCode);
    const IngestOptions &options = *parsed.options;
    QTemporaryDir workDir;
    if (!workDir.isValid()) {
        QTextStream(stderr) << "ingest_e2e: no temporary directory: " << workDir.errorString() << Qt::endl;
        return 1;
    }
    // For the children: windows offscreen, and settings and data of their own, not the user's.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(QDir(workDir.path()).filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(QDir(workDir.path()).filePath(QStringLiteral("data"))));

    QTextStream out(stdout);
    printIngestHeader(out, options);
    std::vector<IngestRun> floor;
    std::vector<IngestRun> pipeline;
    std::vector<IngestRun> window;
    for (int repetition = 1; repetition <= options.repetitions; ++repetition) {
        floor.push_back(runFloor(options, workDir.path()));
        printIngestRun(out, repetition, IngestClient::Floor, floor.back());
        pipeline.push_back(runPipeline(options, workDir.path(), PipelineView::Headless));
        printIngestRun(out, repetition, IngestClient::Pipeline, pipeline.back());
        window.push_back(runPipeline(options, workDir.path(), PipelineView::Window));
        printIngestRun(out, repetition, IngestClient::Window, window.back());
    }
    const bool measured = printIngestSummary(out, floor, pipeline, window);

    std::vector<LatencyRun> latency;
    if (!options.latencyRates.empty()) {
        out << "\nlatency: a fresh `vantage-relay " << latencyRelayArguments(0).join(QLatin1Char(' '))
            << "` per run with --rate R; each client measured " << options.latencyDurationS << " s\n";
        for (int repetition = 1; repetition <= options.repetitions; ++repetition) {
            for (const double rate : options.latencyRates) {
                for (const PipelineView view : {PipelineView::Headless, PipelineView::Window}) {
                    latency.push_back(runLatency(options, workDir.path(), rate, view));
                    printLatencyRun(out, repetition, latency.back());
                }
            }
        }
        printLatencySummary(out, latency);
    }
    if (options.soakEvents > 0)
        printSoak(out, runSoak(options, workDir.path()));
    return measured ? 0 : 1;
}
