#include "OverviewBenchRun.h"

#include "FrameEvents.h"
#include "OverviewBenchScenarios.h"
#include "bench/common/BenchFormat.h"
#include "bench/common/BenchStats.h"
#include "ui/MapPanel.h"
#include "widgets/ActivityMap.h"

#include <QTextStream>

#include <algorithm>

namespace vantage {

namespace {

constexpr double frame60HzMs = 1000.0 / 60.0;
constexpr double frame30HzMs = 1000.0 / 30.0;

void printScene(OverviewBenchWindow &overview, QTextStream &out)
{
    const DashboardModels &models = overview.models();
    const ActivityMap &map = *overview.window().overviewMap()->map();
    const auto markers = qsizetype(map.markers().size());
    const auto sessions = std::count_if(map.markers().begin(), map.markers().end(),
                                        [](const MapMarker &marker) { return marker.session; });
    qsizetype fewestSamples = -1;
    for (const QString &name : models.series()->names()) {
        const qsizetype size = models.series()->series(name)->size();
        fewestSamples = fewestSamples < 0 ? size : std::min(fewestSamples, size);
    }
    out << "overview: feed " << thousands(models.feed()->rowCount()) << " rows; map "
        << thousands(double(markers)) << " markers (" << thousands(double(markers - sessions)) << " events, "
        << sessions << " session places), drawn as " << map.dotsDrawn() << " dots and " << map.clustersDrawn()
        << " clusters; " << models.series()->names().size() << " gauges of at least " << fewestSamples
        << " samples" << Qt::endl;
}

} // namespace

int runOverviewBench(const OverviewBenchOptions &options, QTextStream &out)
{
    OverviewBenchScenarios bench(options);
    out << "overview_bench: " << options.size.width() << 'x' << options.size.height() << ", "
        << options.repetitions << " turns x " << options.frames << " frames per scenario, taking turns frame "
        << "by frame, load " << loadAverage() << Qt::endl;
    printScene(bench.overview(OverviewScenario::Overview), out);

    constexpr std::size_t count = overviewScenarios.size();
    std::array<std::vector<double>, count> times;
    std::array<std::vector<double>, count> paints;
    for (int turn = 0; turn < options.repetitions; ++turn) {
        for (int frame = 0; frame < options.frames; ++frame) {
            for (const OverviewScenario scenario : overviewScenarios) {
                const OverviewFrame timed = bench.frame(scenario);
                times[std::size_t(scenario)].push_back(timed.ms);
                paints[std::size_t(scenario)].push_back(timed.paints);
            }
        }
    }

    const std::array<int, 7> widths = {-43, 10, 9, 8, 9, 9, 8};
    out << tableRow({QStringLiteral("scenario"), QStringLiteral("median ms"), QStringLiteral("min ms"),
                     QStringLiteral("x (a)"), QStringLiteral("% 60 Hz"), QStringLiteral("% 30 Hz"),
                     QStringLiteral("paints")},
                    widths)
        << Qt::endl;
    std::array<double, count> medians{};
    for (const OverviewScenario scenario : overviewScenarios) {
        const std::size_t i = std::size_t(scenario);
        if (*std::min_element(paints[i].begin(), paints[i].end()) == 0) {
            QTextStream(stderr) << "overview_bench: a frame of " << overviewScenarioName(scenario)
                                << " painted nothing" << Qt::endl;
            return 1;
        }
        medians[i] = median(times[i]);
        out << tableRow({overviewScenarioName(scenario), fixed(medians[i], 2),
                         fixed(*std::min_element(times[i].begin(), times[i].end()), 2),
                         fixed(medians[i] / medians[0], 1), fixed(100.0 * medians[i] / frame60HzMs, 0),
                         fixed(100.0 * medians[i] / frame30HzMs, 0), fixed(median(paints[i]), 0)},
                        widths)
            << Qt::endl;
    }
    const auto at = [&](OverviewScenario scenario) -> QString {
        const double ms = medians[std::size_t(scenario)];
        return fixed(ms, 2) + QStringLiteral(" ms (") + fixed(ms / medians[0], 1) + QStringLiteral("x floor");
    };
    out << "summary: overview full repaint " << at(OverviewScenario::Overview) << "); frame at 50k events/s "
        << at(OverviewScenario::Stream50k) << ", "
        << fixed(1000.0 / medians[std::size_t(OverviewScenario::Stream50k)], 0)
        << " fps possible); at 10k events/s " << at(OverviewScenario::Stream10k)
        << "); at 50k events/s repainting what changed, as the app does, "
        << at(OverviewScenario::Stream50kDirty) << ')' << Qt::endl;
    return 0;
}

int takeOverviewScreenshot(const OverviewBenchOptions &options, QTextStream &err)
{
    FrameEvents events;
    OverviewBenchWindow overview(options.size, options.markers);
    events.deliverPending();
    QImage image(options.size, QImage::Format_ARGB32_Premultiplied);
    overview.window().render(&image); // as scenario (b) renders it
    if (!image.save(options.screenshotPath)) {
        err << "overview_bench: cannot write " << options.screenshotPath << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace vantage
