#include "feed/LiveJournal.h"

#include "feed/FeedLogging.h"
#include "feed/ReceivedFrame.h"

#include <QDir>
#include <QFile>

namespace vantage {

LiveJournal::LiveJournal(JournalOptions options, RecordingHeader header)
    : m_options(std::move(options))
    , m_header(std::move(header))
{}

LiveJournal::~LiveJournal()
{
    close();
}

bool LiveJournal::open(qint64 nowMs)
{
    if (!QDir().mkpath(m_options.dir))
        return fail(QStringLiteral("Cannot keep the live journal in %1: the folder cannot be made").arg(m_options.dir));
    m_open = true;
    prune(nowMs);
    return true;
}

bool LiveJournal::record(const ReceivedFrame &frame)
{
    if (!m_open)
        return false;
    if (!m_segment || frame.receivedMs >= m_segmentStartMs + m_options.segmentMs) {
        if (!beginSegment(frame.receivedMs))
            return false;
        prune(frame.receivedMs);
    }
    if (!m_segment->record(frame))
        return fail(m_segment->error());
    m_framesJournaled = m_framesInClosedSegments + m_segment->framesRecorded();
    return true;
}

bool LiveJournal::recordConnection(qint64 atMs, bool up)
{
    if (!m_open || !m_segment)
        return m_open;
    if (!m_segment->recordConnection(atMs, up))
        return fail(m_segment->error());
    return true;
}

bool LiveJournal::flush()
{
    if (!m_open || !m_segment)
        return m_open;
    if (!m_segment->flush())
        return fail(m_segment->error());
    m_framesJournaled = m_framesInClosedSegments + m_segment->framesRecorded();
    return true;
}

void LiveJournal::close()
{
    if (m_segment) {
        if (!m_segment->close() && m_error.isEmpty())
            m_error = m_segment->error();
        m_framesInClosedSegments += m_segment->framesRecorded();
        m_framesJournaled = m_framesInClosedSegments;
        m_segment.reset();
    }
    m_open = false;
}

bool LiveJournal::beginSegment(qint64 startMs)
{
    if (m_segment) {
        if (!m_segment->close())
            return fail(m_segment->error());
        m_framesInClosedSegments += m_segment->framesRecorded();
    }
    RecordingHeader header = m_header;
    header.startedMs = startMs;
    m_segment = std::make_unique<FrameRecorder>(QDir(m_options.dir).filePath(journalSegmentName(startMs)), header);
    m_segmentStartMs = startMs;
    if (!m_segment->open())
        return fail(m_segment->error());
    return true;
}

void LiveJournal::prune(qint64 nowMs)
{
    const std::vector<JournalSegment> segments = listJournalSegments(m_options.dir);
    qint64 total = 0;
    for (const JournalSegment &segment : segments)
        total += segment.bytes;
    // Oldest first; a segment ends where the next begins, and the newest is never deleted.
    for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
        const bool expired = segments[i + 1].startMs < nowMs - m_options.retentionMs;
        if (!expired && total <= m_options.maxBytes)
            break;
        if (segments[i].startMs == m_segmentStartMs && m_segment)
            break;
        if (!QFile::remove(segments[i].path)) {
            qCWarning(lcFeed).noquote() << "Cannot delete the old journal segment" << segments[i].path;
            break;
        }
        total -= segments[i].bytes;
    }
}

bool LiveJournal::fail(const QString &message)
{
    if (m_segment) {
        m_segment->close();
        m_segment.reset();
    }
    m_open = false;
    m_error = message;
    qCWarning(lcFeed).noquote() << message;
    return false;
}

} // namespace vantage
