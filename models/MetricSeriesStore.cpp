#include "models/MetricSeriesStore.h"

#include "models/ModelLogging.h"

namespace vantage {

MetricSeriesStore::MetricSeriesStore(QObject *parent, qsizetype windowSamples)
    : QObject(parent)
    , m_windowSamples(qMax<qsizetype>(1, windowSamples))
{}

void MetricSeriesStore::applyMetrics(qint64 tsMs, const MetricsSample &m)
{
    bool stored = false;
    for (const NamedValue &gauge : m.gauges) {
        MetricSeries *s = m_byName.value(gauge.name);
        if (!s) {
            if (m_names.size() >= maxSeries) {
                if (m_droppedGauges++ == 0)
                    qCWarning(lcModels) << "more than" << maxSeries << "gauge names; dropping samples of"
                                        << gauge.name << "and any other new name";
                continue;
            }
            s = m_storage.emplace_back(std::make_unique<MetricSeries>(m_windowSamples)).get();
            m_byName.insert(gauge.name, s);
            m_names.append(gauge.name);
        }
        s->append(tsMs, gauge.value);
        recordHistory(gauge.name, tsMs, gauge.value);
        stored = true;
    }
    if (stored)
        m_batcher.markChanged();
}

QStringList MetricSeriesStore::names() const
{
    return m_names;
}

const MetricSeries *MetricSeriesStore::series(const QString &name) const
{
    return m_byName.value(name);
}

void MetricSeriesStore::recordHistory(const QString &name, qint64 tsMs, double value)
{
    auto it = m_histories.find(name);
    if (it == m_histories.end()) {
        if (m_histories.size() >= maxHistories)
            return;
        it = m_histories.insert(name, GaugeHistory());
    }
    it->append(tsMs, value);
}

std::vector<QPointF> MetricSeriesStore::history(const QString &name, qint64 fromMs, qint64 toMs) const
{
    const auto own = m_histories.constFind(name);
    const bool hasOwn = own != m_histories.constEnd() && !own->isEmpty();
    std::vector<QPointF> points;
    // The archive's points strictly before the own history; without one, none after the range
    // (a replay's archive holds the log's future).
    const qint64 cutMs = hasOwn ? own->firstMs() : toMs + 1;
    if (m_archive && cutMs > fromMs) {
        const auto archived = m_archive->constFind(name);
        if (archived != m_archive->constEnd()) {
            for (const QPointF &point : archived->points(fromMs, toMs)) {
                if (point.x() < double(cutMs))
                    points.push_back(point);
            }
        }
    }
    // Unless the archive already reaches past the range.
    if (hasOwn && (points.empty() || points.back().x() <= double(toMs))) {
        const std::vector<QPointF> ownPoints = own->points(fromMs, toMs);
        points.insert(points.end(), ownPoints.begin(), ownPoints.end());
    }
    return points;
}

void MetricSeriesStore::setArchive(GaugeArchivePtr archive)
{
    m_archive = std::move(archive);
    m_batcher.markChanged();
}

void MetricSeriesStore::copyHistoryFrom(const MetricSeriesStore &other)
{
    m_histories = other.m_histories;
    m_archive = other.m_archive;
    m_batcher.markChanged();
}

double MetricSeriesStore::latest(const QString &name) const
{
    const MetricSeries *s = series(name);
    return s ? s->latest() : qQNaN();
}

qsizetype MetricSeriesStore::windowSamples() const
{
    return m_windowSamples;
}

quint64 MetricSeriesStore::droppedGauges() const
{
    return m_droppedGauges;
}

void MetricSeriesStore::clear()
{
    m_byName.clear();
    m_names.clear();
    m_storage.clear();
    m_histories.clear();
    m_archive.reset();
    m_droppedGauges = 0;
    m_batcher.markChanged();
}

MetricSeriesStore::State MetricSeriesStore::state() const
{
    State state;
    state.series.reserve(m_storage.size());
    for (qsizetype i = 0; i < m_names.size(); ++i) {
        const MetricSeries &s = *m_storage[static_cast<size_t>(i)];
        NamedPoints &named = state.series.emplace_back(NamedPoints{m_names.at(i), {}});
        named.points.reserve(static_cast<size_t>(s.size()));
        for (qsizetype p = 0; p < s.size(); ++p)
            named.points.push_back(s.at(p));
    }
    state.droppedGauges = m_droppedGauges;
    return state;
}

void MetricSeriesStore::restoreState(const State &state)
{
    m_byName.clear();
    m_names.clear();
    m_storage.clear();
    m_histories.clear();
    for (const NamedPoints &named : state.series) {
        MetricSeries *s = m_storage.emplace_back(std::make_unique<MetricSeries>(m_windowSamples)).get();
        for (const MetricPoint &point : named.points) {
            s->append(point.tsMs, point.value);
            recordHistory(named.name, point.tsMs, point.value);
        }
        m_byName.insert(named.name, s);
        m_names.append(named.name);
    }
    m_droppedGauges = state.droppedGauges;
    m_batcher.markChanged();
}

void MetricSeriesStore::beginUpdate()
{
    m_batcher.begin();
}

void MetricSeriesStore::endUpdate()
{
    m_batcher.end();
}

} // namespace vantage
