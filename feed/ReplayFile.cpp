#include "feed/ReplayFile.h"

#include "feed/GzipInputDevice.h"
#include "feed/JournalSegment.h"
#include "feed/SegmentChainDevice.h"

#include <QFileInfo>

#include <algorithm>

namespace vantage {

namespace {
const QByteArray kGzipMagic = QByteArrayLiteral("\x1f\x8b");
}

ReplayFile::ReplayFile(QString path)
    : m_path(std::move(path))
    , m_file(m_path)
{}

ReplayFile::~ReplayFile() = default;

bool ReplayFile::open()
{
    if (m_path.isEmpty())
        return fail(QStringLiteral("No replay file given"));
    const QFileInfo info(m_path);
    if (!info.exists())
        return fail(QStringLiteral("Replay file %1 does not exist").arg(m_path));
    if (info.isDir()) {
        QStringList paths;
        for (const JournalSegment &segment : listJournalSegments(m_path))
            paths << segment.path;
        if (paths.isEmpty())
            return fail(QStringLiteral("Replay path %1 is a directory, not a log file").arg(m_path));
        m_segments = std::make_unique<SegmentChainDevice>(paths);
        if (!m_segments->open(QIODevice::ReadOnly))
            return fail(
                QStringLiteral("Cannot open the journal %1: %2").arg(m_path, m_segments->errorString()));
        m_raw = m_segments.get();
        return true;
    }
    if (!m_file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("Cannot open replay file %1: %2").arg(m_path, m_file.errorString()));
    m_raw = &m_file;
    if (m_raw->peek(kGzipMagic.size()) == kGzipMagic) {
        m_gzip = std::make_unique<GzipInputDevice>(m_raw);
        m_gzip->open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    return true;
}

QIODevice *ReplayFile::content()
{
    if (m_gzip)
        return m_gzip.get();
    return m_raw;
}

qint64 ReplayFile::bytesRead() const
{
    if (m_gzip)
        return m_gzip->compressedOffset();
    if (m_segments)
        return m_segments->filesRead();
    return m_raw ? m_raw->pos() : 0;
}

bool ReplayFile::rewind()
{
    if (m_gzip ? m_gzip->restart() : m_segments ? m_segments->restart() : m_raw->seek(0))
        return true;
    return fail(QStringLiteral("Cannot read replay file %1 again from the start: %2")
                    .arg(m_path, m_raw->errorString()));
}

bool ReplayFile::seekContent(qint64 offset)
{
    if (!m_gzip && !m_segments) {
        if (m_raw->seek(offset))
            return true;
        return fail(QStringLiteral("Cannot seek in replay file %1 to byte %2: %3")
                        .arg(m_path, QString::number(offset), m_raw->errorString()));
    }
    if (!rewind())
        return false;
    QByteArray discard(64 * 1024, Qt::Uninitialized);
    for (qint64 left = offset; left > 0;) {
        const qint64 got = content()->read(discard.data(), std::min<qint64>(left, discard.size()));
        if (got <= 0)
            return fail(QStringLiteral("Cannot read replay file %1 up to byte %2 of its content: %3")
                            .arg(m_path, QString::number(offset), contentError()));
        left -= got;
    }
    return true;
}

QString ReplayFile::contentError() const
{
    return m_gzip ? m_gzip->errorString() : m_raw->errorString();
}

bool ReplayFile::fail(const QString &message)
{
    m_error = message;
    return false;
}

QString ReplayFile::noContentMessage(const QString &path, qint64 linesRead, bool gzip)
{
    const QString what = linesRead > 0 ? QStringLiteral("holds only blank lines")
                         : gzip        ? QStringLiteral("is empty once decompressed (gzip)")
                                       : QStringLiteral("is empty");
    return QStringLiteral("Replay file %1 %2").arg(path, what);
}

} // namespace vantage
