#include "IngestReport.h"

#include "bench/common/BenchFormat.h"
#include "bench/common/BenchStats.h"

#include <QHash>

#include <algorithm>
#include <functional>

namespace vantage {

namespace {

const QLatin1String kFloor("floor (bare QWebSocket)");
const QLatin1String kPipeline("vantage --headless");
const QLatin1String kWindow("vantage, window 1920x1080");

QString clientName(IngestClient client)
{
    switch (client) {
    case IngestClient::Floor: return kFloor;
    case IngestClient::Pipeline: return kPipeline;
    case IngestClient::Window: return kWindow;
    }
    return QString();
}

// Per repetition where both were measured: run / floor events/s.
std::vector<double> ratiosToFloor(const std::vector<IngestRun> &floor, const std::vector<IngestRun> &runs)
{
    std::vector<double> ratios;
    for (size_t i = 0; i < floor.size() && i < runs.size(); ++i) {
        if (floor[i].usable() && runs[i].usable())
            ratios.push_back(runs[i].eventsPerS / floor[i].eventsPerS);
    }
    return ratios;
}

// Over the usable runs; a negative value means "not measured" and is left out (-1 if all are).
double medianOf(const std::vector<IngestRun> &runs, const std::function<double(const IngestRun &)> &field)
{
    std::vector<double> values;
    for (const IngestRun &run : runs) {
        if (run.usable() && field(run) >= 0)
            values.push_back(field(run));
    }
    return median(values);
}

// The thread found busiest most often.
QString usualBusiestThread(const std::vector<IngestRun> &runs)
{
    QHash<QString, int> counts;
    QString usual;
    for (const IngestRun &run : runs) {
        if (run.usable() && ++counts[run.clientBusyThread] > counts.value(usual))
            usual = run.clientBusyThread;
    }
    return usual;
}

IngestRun medianRun(const std::vector<IngestRun> &runs)
{
    IngestRun result;
    result.eventsPerS = medianOf(runs, [](const IngestRun &run) { return run.eventsPerS; });
    result.relaySentPerS = medianOf(runs, [](const IngestRun &run) { return run.relaySentPerS; });
    result.relayCpuShare = medianOf(runs, [](const IngestRun &run) { return run.relayCpuShare; });
    result.relayUsPerEvent = medianOf(runs, [](const IngestRun &run) { return run.relayUsPerEvent; });
    result.relayBusy = medianOf(runs, [](const IngestRun &run) { return run.relayBusy; });
    result.cpuUsPerEvent = medianOf(runs, [](const IngestRun &run) { return run.cpuUsPerEvent; });
    result.clientBusy = medianOf(runs, [](const IngestRun &run) { return run.clientBusy; });
    result.clientBusyThread = usualBusiestThread(runs);
    result.peakRssMb = medianOf(runs, [](const IngestRun &run) { return run.peakRssMb; });
    result.windowFps = medianOf(runs, [](const IngestRun &run) { return run.windowFps; });
    return result;
}

QString row(const QStringList &cells)
{
    static const int widths[] = {-31, 10, 13, 10, 6, 9, 14, 6, 10, 6, 6};
    return tableRow(cells, widths);
}

// Negative and, for RSS, zero values were not measured.
QString runRow(const QString &client, const IngestRun &run)
{
    return row({client, thousands(run.eventsPerS), thousands(run.relaySentPerS), fixed(run.relayCpuShare, 2),
                fixed(run.relayBusy, 2), fixed(run.relayUsPerEvent, 2), run.clientBusyThread,
                fixed(run.clientBusy, 2), fixed(run.cpuUsPerEvent, 2),
                run.peakRssMb > 0 ? fixed(run.peakRssMb, 0) : QStringLiteral("-"), fixed(run.windowFps, 0)});
}

} // namespace

void printIngestHeader(QTextStream &out, const IngestOptions &options)
{
    out << "ingest_e2e: a fresh `vantage-relay " << ingestRelayArguments().join(QLatin1Char(' '))
        << "` per run, " << options.warmupS << " s ahead of the client; each client measured "
        << options.durationS << " s; " << options.repetitions << " repetitions; load average "
        << loadAverage() << '\n'
        << "CPU: cores used. busy: the busiest thread's share of the wall time on a core or waiting for one "
           "(near 1: it limits).\nus: CPU microseconds per event. RSS: peak, MB. fps: frames the window "
           "painted "
           "per second.\n"
        << row({QStringLiteral("run"), QStringLiteral("events/s"), QStringLiteral("relay sent/s"),
                QStringLiteral("relay CPU"), QStringLiteral("busy"), QStringLiteral("relay us"),
                QStringLiteral("client thread"), QStringLiteral("busy"), QStringLiteral("client us"),
                QStringLiteral("RSS"), QStringLiteral("fps")})
        << Qt::endl;
}

void printIngestRun(QTextStream &out, int repetition, IngestClient client, const IngestRun &run)
{
    const QString name = QStringLiteral("%1 %2").arg(repetition).arg(clientName(client));
    if (run.usable())
        out << runRow(name, run) << Qt::endl;
    else
        out << name << ": not measured: " << run.problem << Qt::endl;
}

bool printIngestSummary(QTextStream &out, const std::vector<IngestRun> &floor,
                        const std::vector<IngestRun> &pipeline, const std::vector<IngestRun> &window)
{
    const std::vector<double> ratios = ratiosToFloor(floor, pipeline);
    if (ratios.empty()) {
        out << "ingest_e2e: no repetition measured both the floor and the pipeline" << Qt::endl;
        return false;
    }
    const auto usable = [](const std::vector<IngestRun> &runs) {
        return std::count_if(runs.cbegin(), runs.cend(), [](const IngestRun &run) { return run.usable(); });
    };
    const IngestRun a = medianRun(floor);
    const IngestRun b = medianRun(pipeline);
    const IngestRun c = medianRun(window);
    out << "\nmedians (floor over " << usable(floor) << " runs, headless over " << usable(pipeline)
        << ", window over " << usable(window) << "); load average now " << loadAverage() << '\n'
        << runRow(QStringLiteral("(a) ") + kFloor, a) << '\n'
        << runRow(QStringLiteral("(b) ") + kPipeline, b) << '\n'
        << runRow(QStringLiteral("(c) ") + kWindow, c) << '\n'
        << "ingest_e2e: floor " << thousands(a.eventsPerS) << " events/s; pipeline "
        << thousands(b.eventsPerS) << " events/s; ratio b/a " << fixed(median(ratios), 2) << " (median of "
        << ratios.size() << " pairs)\n"
        << "ingest_e2e: window " << thousands(c.eventsPerS) << " events/s at " << fixed(c.windowFps, 0)
        << " frames/s; ratio c/a " << fixed(median(ratiosToFloor(floor, window)), 2) << '\n'
        << "ingest_e2e: pipeline " << fixed(b.cpuUsPerEvent, 2) << " us CPU/event (floor "
        << fixed(a.cpuUsPerEvent, 2) << ", window " << fixed(c.cpuUsPerEvent, 2) << "), peak RSS "
        << fixed(b.peakRssMb, 0) << " MB (window " << fixed(c.peakRssMb, 0) << " MB)\n"
        << "ingest_e2e: relay " << fixed(a.relayUsPerEvent, 2)
        << " us CPU/event. Feeding the floor: relay busy " << fixed(a.relayBusy, 2) << " on "
        << fixed(a.relayCpuShare, 2) << " cores, floor " << a.clientBusyThread << " thread busy "
        << fixed(a.clientBusy, 2) << ". Feeding the pipeline: relay on " << fixed(b.relayCpuShare, 2)
        << " cores, pipeline " << b.clientBusyThread << " thread busy " << fixed(b.clientBusy, 2) << Qt::endl;
    return true;
}

} // namespace vantage
