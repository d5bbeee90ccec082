#include "IngestOptions.h"
#include "IngestReport.h"
#include "IngestRun.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

using namespace vantage;

// End-to-end ingest: the real vantage-relay sends the demo stream over WebSocket on 127.0.0.1,
// as fast as the client reads. (a) a bare QWebSocket floor and (b) `vantage --headless` take
// turns, each against a fresh relay; medians and the ratio b/a are printed (docs/performance.md).
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

    QTextStream out(stdout);
    printIngestHeader(out, options);
    std::vector<IngestRun> floor;
    std::vector<IngestRun> pipeline;
    for (int repetition = 1; repetition <= options.repetitions; ++repetition) {
        floor.push_back(runFloor(options, workDir.path()));
        printIngestRun(out, repetition, IngestClient::Floor, floor.back());
        pipeline.push_back(runPipeline(options, workDir.path()));
        printIngestRun(out, repetition, IngestClient::Pipeline, pipeline.back());
    }
    return printIngestSummary(out, floor, pipeline) ? 0 : 1;
}
