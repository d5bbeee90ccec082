#include "MapBenchRun.h"

#include "MapBenchScene.h"
#include "bench/common/BenchFormat.h"
#include "bench/common/BenchStats.h"
#include "widgets/ActivityMap.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QKeyEvent>
#include <QTextStream>

#include <array>
#include <memory>

namespace vantage {

namespace {

// A fixed data time, so ages, fades and pulses are the same in every run.
constexpr qint64 benchNowMs = 1'781'341'200'000;

enum class Scenario { Basemap, DotsPaint, HeatPaint, DotsBatch, HeatBatch, Pan };
constexpr std::array scenarios = {Scenario::Basemap,   Scenario::DotsPaint, Scenario::HeatPaint,
                                  Scenario::DotsBatch, Scenario::HeatBatch, Scenario::Pan};

QString scenarioName(Scenario scenario)
{
    switch (scenario) {
    case Scenario::Basemap: return QStringLiteral("(a) basemap only, cached");
    case Scenario::DotsPaint: return QStringLiteral("(b) dots, paint");
    case Scenario::HeatPaint: return QStringLiteral("(b) heat, paint");
    case Scenario::DotsBatch: return QStringLiteral("(b) dots, setMarkers + paint");
    case Scenario::HeatBatch: return QStringLiteral("(b) heat, setMarkers + paint");
    case Scenario::Pan: return QStringLiteral("    dots, pan (basemap re-render)");
    }
    return QString();
}

void sendKey(QWidget &widget, int key)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
    QApplication::sendEvent(&widget, &press);
}

std::unique_ptr<ActivityMap> makeMap(QSize size, bool light)
{
    auto map = std::make_unique<ActivityMap>();
    map->setTheme(light ? Theme::light() : Theme::dark());
    map->setClock([] { return benchNowMs; });
    map->resize(size);
    return map;
}

struct Bench
{
    explicit Bench(const MapBenchOptions &options)
        : markers(benchMarkers(options.markers, BenchRegion::World, benchNowMs))
        , image(options.size, QImage::Format_ARGB32_Premultiplied)
    {
        for (const Scenario scenario : scenarios) {
            std::unique_ptr<ActivityMap> map = makeMap(options.size, false);
            if (scenario != Scenario::Basemap)
                map->setMarkers(markers, benchNowMs);
            if (scenario == Scenario::HeatPaint || scenario == Scenario::HeatBatch)
                map->setMode(ActivityMap::Mode::Heat);
            if (scenario == Scenario::Pan) {
                sendKey(*map, Qt::Key_Plus); // zoomed in, so there is room to pan
                sendKey(*map, Qt::Key_Plus);
            }
            map->render(&image); // the caches of the first paint are not what is measured
            maps.push_back(std::move(map));
        }
    }

    double paintOnce(Scenario scenario, int frame)
    {
        ActivityMap &map = *maps[std::size_t(scenario)];
        std::vector<MapMarker> batch;
        if (scenario == Scenario::DotsBatch || scenario == Scenario::HeatBatch)
            batch = markers; // the copy is the model's cost, not the map's
        QElapsedTimer timer;
        timer.start();
        if (!batch.empty())
            map.setMarkers(std::move(batch), benchNowMs);
        if (scenario == Scenario::Pan)
            sendKey(map, frame % 2 ? Qt::Key_Left : Qt::Key_Right);
        map.render(&image);
        return double(timer.nsecsElapsed()) / 1e6;
    }

    std::vector<MapMarker> markers;
    QImage image;
    std::vector<std::unique_ptr<ActivityMap>> maps;
};

} // namespace

int runMapBench(const MapBenchOptions &options, QTextStream &out)
{
    Bench bench(options);
    out << "map_bench: " << options.size.width() << 'x' << options.size.height() << ", "
        << thousands(double(options.markers)) << " markers, " << options.repetitions << " turns x "
        << options.frames << " paints per scenario, load " << loadAverage() << Qt::endl;
    const ActivityMap &dots = *bench.maps[std::size_t(Scenario::DotsPaint)];
    out << "dots at zoom 1: " << dots.clustersDrawn() << " clusters and " << dots.dotsDrawn()
        << " single dots drawn" << Qt::endl;

    std::array<std::vector<double>, scenarios.size()> samples;
    for (int turn = 0; turn < options.repetitions; ++turn) {
        for (const Scenario scenario : scenarios) {
            for (int frame = 0; frame < options.frames; ++frame)
                samples[std::size_t(scenario)].push_back(bench.paintOnce(scenario, frame));
        }
    }

    const std::array<int, 4> widths = {-36, 11, 9, 11};
    out << tableRow({QStringLiteral("scenario"), QStringLiteral("median ms"), QStringLiteral("min ms"),
                     QStringLiteral("x (a)")},
                    widths)
        << Qt::endl;
    std::array<double, scenarios.size()> medians{};
    for (const Scenario scenario : scenarios) {
        std::vector<double> &times = samples[std::size_t(scenario)];
        medians[std::size_t(scenario)] = median(times);
        const double fastest = *std::min_element(times.begin(), times.end());
        out << tableRow({scenarioName(scenario), fixed(medians[std::size_t(scenario)], 2), fixed(fastest, 2),
                         fixed(medians[std::size_t(scenario)] / medians[0], 1)},
                        widths)
            << Qt::endl;
    }
    const auto ratio = [&](Scenario scenario) {
        return fixed(medians[std::size_t(scenario)] / medians[0], 1);
    };
    out << "summary: (a) " << fixed(medians[0], 2) << " ms; b/a dots " << ratio(Scenario::DotsPaint)
        << "x, heat " << ratio(Scenario::HeatPaint) << "x; with setMarkers dots "
        << ratio(Scenario::DotsBatch) << "x, heat " << ratio(Scenario::HeatBatch) << "x; pan "
        << ratio(Scenario::Pan) << 'x' << Qt::endl;
    return 0;
}

int takeMapScreenshot(const MapBenchOptions &options, QTextStream &err)
{
    std::unique_ptr<ActivityMap> map = makeMap(options.screenshotSize, options.lightTheme);
    map->setMarkers(benchMarkers(options.screenshotMarkers, BenchRegion::EuropeAndAmericas, benchNowMs),
                    benchNowMs);
    map->setUnknownCount(37);
    map->setMode(options.heat ? ActivityMap::Mode::Heat : ActivityMap::Mode::Dots);
    if (options.fit)
        map->fitToActivity();
    QImage image(options.screenshotSize, QImage::Format_ARGB32_Premultiplied);
    map->render(&image);
    if (!image.save(options.screenshotPath)) {
        err << "map_bench: cannot write " << options.screenshotPath << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace vantage
