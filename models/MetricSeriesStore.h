#pragma once

#include "feed/Message.h"
#include "models/ChangeBatcher.h"
#include "models/GaugeArchive.h"
#include "models/MetricSeries.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace vantage {

// One MetricSeries per gauge name, created on first sight; names keep their first-seen order.
// A series, once created, lives until the store is cleared or restored, so its pointer stays
// valid until then. At most maxSeries names are kept, so a server inventing names cannot grow
// the store without bound: samples of further names are dropped and counted. The first
// maxHistories names also keep their history since the session's start (GaugeHistory), for the
// metrics page's charts; after a replay's seek it starts again from the restored window. What
// came before, a replay's whole log or the live journal, is read in the background and given as
// an archive, which history() shows where the store's own history does not reach.
class MetricSeriesStore final : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype maxSeries = 256;
    static constexpr qsizetype maxHistories = 64;

    // The store's value: each series' points, oldest first, in name order.
    struct NamedPoints
    {
        QString name;
        std::vector<MetricPoint> points;

        friend bool operator==(const NamedPoints &, const NamedPoints &) = default;
    };
    struct State
    {
        std::vector<NamedPoints> series;
        quint64 droppedGauges = 0;

        friend bool operator==(const State &, const State &) = default;
    };

    explicit MetricSeriesStore(QObject *parent = nullptr, qsizetype windowSamples = 900);

    void applyMetrics(qint64 tsMs, const MetricsSample &m);
    QStringList names() const;
    const MetricSeries *series(const QString &name) const; // nullptr if unknown
    double latest(const QString &name) const;              // NaN if unknown or empty
    // The gauge's points from fromMs to toMs (GaugeHistory::points): the archive's before the
    // store's own oldest sample, then the store's own; none for a name without history.
    std::vector<QPointF> history(const QString &name, qint64 fromMs, qint64 toMs) const;
    // Replaces the archive (nullptr: none). Kept by restoreState(), dropped by clear().
    void setArchive(GaugeArchivePtr archive);
    const GaugeArchivePtr &archive() const { return m_archive; }
    // The store's own histories, as an archive for another store.
    GaugeArchive histories() const { return m_histories; }
    // The histories and the archive of `other`, in place of this store's (after restoreState(),
    // so a copy of a dashboard keeps its charts' past).
    void copyHistoryFrom(const MetricSeriesStore &other);
    qsizetype windowSamples() const;
    // Gauge samples not stored because their name arrived after maxSeries others.
    quint64 droppedGauges() const;
    // Drops every series (their pointers die with them), as if newly made.
    void clear();

    State state() const;
    // Replaces every series by new ones (the old pointers die, as with clear()) holding the
    // state's points; a series keeps at most windowSamples() of them, the newest.
    void restoreState(const State &state);

    // Coalesces changed() over a batch, as in TodayCounters.
    void beginUpdate();
    void endUpdate();

Q_SIGNALS:
    void changed();

private:
    void recordHistory(const QString &name, qint64 tsMs, double value);

    qsizetype m_windowSamples;
    QStringList m_names;
    std::vector<std::unique_ptr<MetricSeries>> m_storage; // in m_names order
    QHash<QString, MetricSeries *> m_byName;
    GaugeArchive m_histories;
    GaugeArchivePtr m_archive;
    quint64 m_droppedGauges = 0;
    ChangeBatcher m_batcher{[this] { Q_EMIT changed(); }};
};

} // namespace vantage
