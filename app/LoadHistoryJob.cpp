#include "app/LoadHistoryJob.h"

#include "feed/FeedStats.h"
#include "feed/FrameIntake.h"
#include "feed/ReplayIndexJob.h"
#include "feed/ReplayIndexObserver.h"

#include <QLatin1String>

namespace vantage {

namespace {

// Counts each decoded frame into the history, on the reading thread, and hands the history over
// once the log is read to its end.
class LoadHistoryObserver final : public ReplayIndexObserver
{
public:
    LoadHistoryObserver(const QTimeZone &zone, NowFn now, std::shared_ptr<std::optional<HourlyLoad>> result)
        : m_load(zone)
        , m_now(std::move(now))
        , m_result(std::move(result))
    {}

    void onCheckpoint(const ReplayIndex::Checkpoint &) override {}

    void onFrame(QByteArrayView frame, qint64 line) override
    {
        // As ReplaySource delivers it to the pipeline: received now, times as in the log.
        const qint64 readMs = m_now();
        const ReceivedFrame received{frame, readMs, QLatin1String("replay"), 0, nullptr, line};
        // A message at the reading time had no time of its own, or one too far ahead to believe
        // (FrameIntake clamps it to the receive time): it cannot be placed in the history.
        if (m_intake.take(received, m_stats, m_scratch) == FrameIntake::Outcome::Accepted &&
            m_scratch.tsMs != readMs)
            m_load.addFrame(m_scratch.tsMs, std::holds_alternative<LiveEvent>(m_scratch.body));
        m_scratch = Message();
    }

    void onPublish(const ReplayIndex &index) override
    {
        if (index.complete)
            *m_result = std::move(m_load);
    }

private:
    HourlyLoad m_load;
    NowFn m_now;
    std::shared_ptr<std::optional<HourlyLoad>> m_result;
    FrameIntake m_intake;
    FeedStats m_stats;
    Message m_scratch;
};

} // namespace

LoadHistoryJob::LoadHistoryJob(QString path, QObject *parent, QTimeZone zone, NowFn now)
    : QObject(parent)
    , m_path(std::move(path))
    , m_zone(std::move(zone))
    , m_now(std::move(now))
    , m_result(std::make_shared<std::optional<HourlyLoad>>())
{}

LoadHistoryJob::~LoadHistoryJob() = default;

void LoadHistoryJob::start()
{
    if (m_read)
        return;
    m_read = std::make_unique<ReplayIndexJob>(
        m_path, ReplayIndexOptions{}, nullptr, [zone = m_zone, now = m_now, result = m_result] {
            return std::make_unique<LoadHistoryObserver>(zone, now, result);
        });
    connect(m_read.get(), &ReplayIndexJob::progress, this, &LoadHistoryJob::progress);
    connect(m_read.get(), &ReplayIndexJob::failed, this, &LoadHistoryJob::failed);
    connect(m_read.get(), &ReplayIndexJob::finished, this, [this] {
        // The observer hands the history over before the index is complete.
        Q_ASSERT(m_result->has_value());
        Q_EMIT finished(**m_result);
    });
    m_read->start();
}

} // namespace vantage
