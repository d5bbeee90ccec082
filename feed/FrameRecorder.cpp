#include "feed/FrameRecorder.h"

#include "feed/FeedLogging.h"
#include "feed/JsonString.h"
#include "feed/ReceivedFrame.h"
#include "feed/Rfc3339.h"
#include "feed/SseEvent.h"
#include "feed/UrlRedaction.h"

#include <charconv>

namespace vantage {

namespace {

// Written out once this much is buffered, so memory stays bounded between flushes.
constexpr qsizetype kWriteThresholdBytes = 256 * 1024;

void appendInteger(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
    out.append(digits, end - digits);
}

QByteArray sourceText(const QUrl &source)
{
    if (source.isEmpty())
        return {};
    return (source.isLocalFile() ? source.toLocalFile() : redactUrl(source)).toUtf8();
}

} // namespace

FrameRecorder::FrameRecorder(QString path, RecordingHeader header)
    : m_path(std::move(path))
    , m_header(std::move(header))
{}

FrameRecorder::~FrameRecorder()
{
    close();
}

bool FrameRecorder::open()
{
    if (isRecording() || !m_error.isEmpty())
        return isRecording();
    m_file.setFileName(m_path);
    // Unbuffered: the lines are buffered here, and a failed write must show at once.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
        return fail(QStringLiteral("Cannot record to %1: %2").arg(m_path, m_file.errorString()));
    if (m_path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive))
        m_gzip = std::make_unique<GzipDeflater>();

    m_lines += "{\"vantage_recording\":";
    appendInteger(m_lines, kRecordingFormatVersion);
    m_lines += ",\"source\":";
    appendJsonString(m_lines, sourceText(m_header.source));
    m_lines += ",\"app\":";
    appendJsonString(m_lines, m_header.app.toUtf8());
    m_lines += ",\"started\":";
    appendJsonString(m_lines, formatRfc3339Ms(m_header.startedMs));
    m_lines += "}\n";
    return writeOut(GzipDeflater::Flush::Sync);
}

bool FrameRecorder::record(const ReceivedFrame &frame)
{
    if (!isRecording())
        return false;
    m_lines += "{\"t\":";
    appendInteger(m_lines, frame.receivedMs);
    m_lines += ",\"transport\":";
    appendJsonString(m_lines, QByteArrayView(frame.transport.data(), frame.transport.size()));
    if (const SseEvent *event = frame.sseEvent) {
        m_lines += ",\"sse\":{\"event\":";
        appendJsonString(m_lines, event->type);
        m_lines += ",\"id\":";
        appendJsonString(m_lines, event->lastEventId);
        m_lines += ",\"data\":";
        appendJsonString(m_lines, event->data);
        m_lines += '}';
    } else {
        m_lines += ",\"frame\":";
        appendJsonString(m_lines, frame.bytes);
    }
    m_lines += "}\n";
    ++m_framesBuffered;
    return m_lines.size() < kWriteThresholdBytes || writeOut(GzipDeflater::Flush::Sync);
}

bool FrameRecorder::recordConnection(qint64 atMs, bool up)
{
    if (!isRecording())
        return false;
    m_lines += "{\"t\":";
    appendInteger(m_lines, atMs);
    m_lines += up ? ",\"connection\":\"up\"}\n" : ",\"connection\":\"down\"}\n";
    return m_lines.size() < kWriteThresholdBytes || writeOut(GzipDeflater::Flush::Sync);
}

bool FrameRecorder::flush()
{
    return isRecording() && writeOut(GzipDeflater::Flush::Sync);
}

bool FrameRecorder::close()
{
    if (!isRecording())
        return m_error.isEmpty();
    if (!writeOut(GzipDeflater::Flush::Finish))
        return false;
    m_file.close();
    if (m_file.error() != QFileDevice::NoError)
        return fail(QStringLiteral("Recording to %1 failed on close: %2").arg(m_path, m_file.errorString()));
    m_gzip.reset();
    return true;
}

bool FrameRecorder::writeOut(GzipDeflater::Flush flush)
{
    QByteArrayView bytes = m_lines;
    if (m_gzip) {
        m_compressed.truncate(0);
        if (!m_gzip->append(m_lines, m_compressed, flush))
            return fail(QStringLiteral("Recording to %1 stopped: gzip compression failed").arg(m_path));
        bytes = m_compressed;
    }
    if (!bytes.isEmpty() && m_file.write(bytes.data(), bytes.size()) != bytes.size())
        return fail(QStringLiteral("Recording to %1 stopped: %2").arg(m_path, m_file.errorString()));
    m_lines.truncate(0);
    m_framesRecorded += m_framesBuffered;
    m_framesBuffered = 0;
    return true;
}

bool FrameRecorder::fail(const QString &message)
{
    m_error = message;
    m_file.close();
    m_gzip.reset();
    m_lines.clear();
    m_compressed.clear();
    m_framesBuffered = 0;
    qCWarning(lcFeed).noquote() << message;
    return false;
}

} // namespace vantage
