#include "feed/GzipInputDevice.h"

#include <algorithm>

namespace vantage {

GzipInputDevice::GzipInputDevice(QIODevice *compressed, qsizetype chunkSize, QObject *parent)
    : QIODevice(parent)
    , m_compressed(compressed)
    , m_chunkSize(std::max<qsizetype>(chunkSize, 1))
{}

bool GzipInputDevice::restart()
{
    m_inflater.reset();
    m_chunk.clear();
    m_chunkPos = 0;
    m_consumed = 0;
    return m_compressed->seek(0);
}

qint64 GzipInputDevice::readData(char *data, qint64 maxSize)
{
    for (;;) {
        if (!m_inflater.error().isEmpty()) // also after the bytes that came before the fault
            return failCorrupt();
        if (m_chunkPos < m_chunk.size()) {
            QByteArrayView input(m_chunk.constData() + m_chunkPos, m_chunk.size() - m_chunkPos);
            const qsizetype written = m_inflater.inflate(input, data, qsizetype(maxSize));
            const qsizetype used = m_chunk.size() - m_chunkPos - input.size();
            m_chunkPos += used;
            m_consumed += used;
            if (written < 0)
                return failCorrupt();
            if (written > 0)
                return written;
            if (used == 0) // zlib took nothing and gave nothing: it cannot go on
                return fail(QStringLiteral("the gzip data is corrupt at byte %1").arg(m_consumed));
            if (m_chunkPos < m_chunk.size())
                continue;
        }
        m_chunk.resize(m_chunkSize);
        m_chunkPos = 0;
        const qint64 count = m_compressed->read(m_chunk.data(), m_chunkSize);
        m_chunk.resize(std::max<qint64>(count, 0));
        if (count < 0)
            return fail(
                QStringLiteral("cannot read byte %1: %2").arg(m_consumed).arg(m_compressed->errorString()));
        if (count == 0) {
            if (m_inflater.inMember() && !m_unfinishedEndAllowed)
                return fail(QStringLiteral("the gzip stream is cut short at byte %1").arg(m_consumed));
            return 0;
        }
    }
}

qint64 GzipInputDevice::writeData(const char *, qint64)
{
    return -1;
}

qint64 GzipInputDevice::failCorrupt()
{
    return fail(
        QStringLiteral("the gzip data is corrupt at byte %1 (%2)").arg(m_consumed).arg(m_inflater.error()));
}

qint64 GzipInputDevice::fail(const QString &reason)
{
    setErrorString(reason);
    return -1;
}

} // namespace vantage
