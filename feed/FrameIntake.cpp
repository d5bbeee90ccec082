#include "feed/FrameIntake.h"

namespace vantage {

namespace {
constexpr qint64 kMaxFutureSkewMs = 5 * 60 * 1000;
} // namespace

FrameIntake::Outcome FrameIntake::take(const ReceivedFrame &frame, FeedStats &stats, Message &out)
{
    m_error = m_decoder.decode(frame.bytes, frame.receivedMs, frame.tsShiftMs, out);
    if (m_error != DecodeError::None) {
        ++stats.decodeErrors;
        ++stats.errorsByReason[decodeErrorName(m_error)];
        return Outcome::Rejected;
    }
    ++stats.messagesDecoded;
    if (out.tsMs > frame.receivedMs + kMaxFutureSkewMs) {
        // A clock far ahead would roll today's counters into a day that has not begun.
        out.tsMs = frame.receivedMs;
        ++stats.futureTimestampsClamped;
    }
    if (const auto *snapshot = std::get_if<SnapshotInfo>(&out.body); snapshot && snapshot->skippedItems > 0)
        stats.errorsByReason[QStringLiteral("bad_snapshot_item")] += quint64(snapshot->skippedItems);
    return m_sequencer.accept(out, stats) ? Outcome::Accepted : Outcome::Duplicate;
}

} // namespace vantage
