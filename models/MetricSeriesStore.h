#pragma once

#include "feed/Message.h"
#include "models/ChangeBatcher.h"
#include "models/MetricSeries.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace vantage {

// One MetricSeries per gauge name, created on first sight; names keep their first-seen order.
// A series, once created, lives until the store is cleared, so its pointer stays valid. At most
// maxSeries names are kept, so a server inventing names cannot grow the store without bound:
// samples of further names are dropped and counted.
class MetricSeriesStore final : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype maxSeries = 256;

    explicit MetricSeriesStore(QObject *parent = nullptr, qsizetype windowSamples = 900);

    void applyMetrics(qint64 tsMs, const MetricsSample &m);
    QStringList names() const;
    const MetricSeries *series(const QString &name) const; // nullptr if unknown
    double latest(const QString &name) const;              // NaN if unknown or empty
    qsizetype windowSamples() const;
    // Gauge samples not stored because their name arrived after maxSeries others.
    quint64 droppedGauges() const;
    // Drops every series (their pointers die with them), as if newly made.
    void clear();

    // Coalesces changed() over a batch, as in TodayCounters.
    void beginUpdate();
    void endUpdate();

Q_SIGNALS:
    void changed();

private:
    qsizetype m_windowSamples;
    QStringList m_names;
    std::vector<std::unique_ptr<MetricSeries>> m_storage; // in m_names order
    QHash<QString, MetricSeries *> m_byName;
    quint64 m_droppedGauges = 0;
    ChangeBatcher m_batcher{[this] { Q_EMIT changed(); }};
};

} // namespace vantage
