#include "feed/SegmentChainDevice.h"

#include <algorithm>

namespace vantage {

SegmentChainDevice::SegmentChainDevice(QStringList paths, QObject *parent)
    : QIODevice(parent)
    , m_paths(std::move(paths))
{}

SegmentChainDevice::~SegmentChainDevice() = default;

bool SegmentChainDevice::open(OpenMode mode)
{
    if (mode & WriteOnly) {
        setErrorString(QStringLiteral("a chain of segments is read-only"));
        return false;
    }
    m_parts.clear();
    m_total = 0;
    for (const QString &path : m_paths) {
        auto file = std::make_unique<QFile>(path);
        if (!file->open(QIODevice::ReadOnly)) {
            setErrorString(QStringLiteral("cannot open %1: %2").arg(path, file->errorString()));
            m_parts.clear();
            return false;
        }
        const qint64 size = file->size();
        m_parts.push_back({std::move(file), m_total, size});
        m_total += size;
    }
    m_current = 0;
    return QIODevice::open(mode | Unbuffered);
}

void SegmentChainDevice::close()
{
    m_parts.clear();
    m_total = 0;
    QIODevice::close();
}

bool SegmentChainDevice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_total || !QIODevice::seek(pos))
        return false;
    // The part holding `pos`; the end of the whole is the end of the last part.
    m_current = 0;
    while (m_current + 1 < m_parts.size() && pos >= m_parts[m_current].start + m_parts[m_current].size)
        ++m_current;
    return m_parts.empty() || m_parts[m_current].file->seek(pos - m_parts[m_current].start);
}

qint64 SegmentChainDevice::readData(char *data, qint64 maxSize)
{
    while (m_current < m_parts.size()) {
        Part &part = m_parts[m_current];
        const qint64 left = part.size - part.file->pos();
        if (left > 0) {
            const qint64 got = part.file->read(data, std::min(maxSize, left));
            if (got < 0)
                setErrorString(QStringLiteral("cannot read %1: %2").arg(part.file->fileName(), part.file->errorString()));
            if (got != 0)
                return got;
        }
        if (m_current + 1 == m_parts.size())
            return 0;
        ++m_current;
        if (!m_parts[m_current].file->seek(0)) {
            setErrorString(QStringLiteral("cannot read %1 from its start").arg(m_parts[m_current].file->fileName()));
            return -1;
        }
    }
    return 0;
}

qint64 SegmentChainDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace vantage
