#include "StartupRun.h"
#include "bench/common/BenchCommandLine.h"
#include "bench/common/BenchFormat.h"
#include "bench/common/BenchStats.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QTextStream>

#include <vector>

using namespace vantage;

namespace {

struct Peer
{
    QString name;
    QString program;
    QStringList arguments;
    std::vector<double> firstFrameMs;
};

} // namespace

// Startup to the first painted frame (docs/performance.md): `vantage --exit-after-first-frame` on
// the bundled demo against a bare QMainWindow of the same size (startup_bare), both offscreen with
// settings of their own, taking turns; medians and their ratio. A third peer, the same window with
// one label (startup_bare --text), shows what painting any text costs.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Startup benchmark: time from spawn to the first painted frame of vantage (the demo, 1280x800) "
        "and of a bare QMainWindow (and of one with a label), offscreen, taking turns; medians and the "
        "ratios are printed."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption repetitions(QStringLiteral("repetitions"),
                                         QStringLiteral("Starts of each (default 11)."), QStringLiteral("N"),
                                         QStringLiteral("11"));
    parser.addOption(repetitions);
    if (!parser.parse(QCoreApplication::arguments()))
        return printCommandLineMessage(parser.errorText(), 2);
    if (parser.isSet(help))
        return printCommandLineMessage(parser.helpText(), 0);
    bool ok = false;
    const int count = parser.value(repetitions).toInt(&ok);
    if (!ok || count < 1 || count > 1000)
        return printCommandLineMessage(QStringLiteral("--repetitions must be between 1 and 1000"), 2);

    QTemporaryDir workDir;
    if (!workDir.isValid())
        return printCommandLineMessage(QStringLiteral("no temporary directory: ") + workDir.errorString(), 1);
    const QDir dir(workDir.path());
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data"))));

    const QDir bin(QCoreApplication::applicationDirPath());
    std::vector<Peer> peers{
        {QStringLiteral("(a) bare QMainWindow"), bin.filePath(QStringLiteral("startup_bare")), {}, {}},
        {QStringLiteral("(t) QMainWindow, one label"),
         bin.filePath(QStringLiteral("startup_bare")),
         {QStringLiteral("--text")},
         {}},
        {QStringLiteral("(b) vantage, demo"),
         bin.filePath(QStringLiteral("vantage")),
         {QStringLiteral("--size"), QStringLiteral("1280x800"), QStringLiteral("--exit-after-first-frame")},
         {}}};
    QTextStream out(stdout);
    out << "startup_bench: spawn to first painted frame, 1280x800 offscreen, " << count
        << " starts each, taking turns; load average " << loadAverage() << Qt::endl;
    for (int repetition = 1; repetition <= count; ++repetition) {
        for (Peer &peer : peers) {
            const StartupRun run =
                runStartup(peer.program, peer.arguments, dir.filePath(QStringLiteral("out.txt")));
            if (!run.usable()) {
                out << repetition << ' ' << peer.name << ": not measured: " << run.problem << Qt::endl;
                continue;
            }
            peer.firstFrameMs.push_back(run.firstFrameMs);
            out << repetition << ' ' << peer.name << ": first frame " << fixed(run.firstFrameMs, 1)
                << " ms, exit " << fixed(run.wallMs, 1) << " ms" << Qt::endl;
        }
    }
    const double bare = median(peers[0].firstFrameMs);
    const double text = median(peers[1].firstFrameMs);
    const double vantage = median(peers[2].firstFrameMs);
    if (bare <= 0 || text <= 0 || vantage <= 0) {
        out << "startup_bench: not measured" << Qt::endl;
        return 1;
    }
    out << "startup_bench: vantage " << fixed(vantage, 1) << " ms to the first frame, bare QMainWindow "
        << fixed(bare, 1) << " ms (medians); ratio " << fixed(vantage / bare, 2) << "; load average now "
        << loadAverage() << Qt::endl;
    out << "startup_bench: a QMainWindow with one label " << fixed(text, 1) << " ms, ratio "
        << fixed(text / bare, 2) << " to the bare one; vantage against it " << fixed(vantage / text, 2)
        << Qt::endl;
    return 0;
}
