#pragma once

#include "feed/Message.h"
#include "models/MetricSeries.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace vantage {

// One MetricSeries per gauge name, created on first sight; names keep their first-seen order.
// A series, once created, lives as long as the store, so its pointer stays valid.
class MetricSeriesStore final : public QObject
{
    Q_OBJECT
public:
    explicit MetricSeriesStore(QObject *parent = nullptr, qsizetype windowSamples = 900);

    void applyMetrics(qint64 tsMs, const MetricsSample &m);
    QStringList names() const;
    const MetricSeries *series(const QString &name) const; // nullptr if unknown
    double latest(const QString &name) const;               // NaN if unknown or empty
    qsizetype windowSamples() const;

    // Coalesces changed() over a batch, as in TodayCounters.
    void beginUpdate();
    void endUpdate();

Q_SIGNALS:
    void changed();

private:
    void markChanged();

    qsizetype m_windowSamples;
    QStringList m_names;
    std::vector<std::unique_ptr<MetricSeries>> m_storage; // in m_names order
    QHash<QString, MetricSeries *> m_byName;
    int m_updateDepth = 0;
    bool m_dirty = false;
};

} // namespace vantage
