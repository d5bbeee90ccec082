#include "models/MetricSeriesStore.h"

namespace vantage {

MetricSeriesStore::MetricSeriesStore(QObject *parent, qsizetype windowSamples)
    : QObject(parent)
    , m_windowSamples(qMax<qsizetype>(1, windowSamples))
{
}

void MetricSeriesStore::applyMetrics(qint64 tsMs, const MetricsSample &m)
{
    if (m.gauges.empty())
        return;
    for (const NamedValue &gauge : m.gauges) {
        MetricSeries *s = m_byName.value(gauge.name);
        if (!s) {
            s = m_storage.emplace_back(std::make_unique<MetricSeries>(m_windowSamples)).get();
            m_byName.insert(gauge.name, s);
            m_names.append(gauge.name);
        }
        s->append(tsMs, gauge.value);
    }
    markChanged();
}

QStringList MetricSeriesStore::names() const
{
    return m_names;
}

const MetricSeries *MetricSeriesStore::series(const QString &name) const
{
    return m_byName.value(name);
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

void MetricSeriesStore::beginUpdate()
{
    ++m_updateDepth;
}

void MetricSeriesStore::endUpdate()
{
    Q_ASSERT(m_updateDepth > 0);
    if (--m_updateDepth == 0 && m_dirty) {
        m_dirty = false;
        Q_EMIT changed();
    }
}

void MetricSeriesStore::markChanged()
{
    if (m_updateDepth > 0)
        m_dirty = true;
    else
        Q_EMIT changed();
}

} // namespace vantage
