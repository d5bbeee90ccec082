#include "feed/ReplayLineReader.h"

#include <QIODevice>

#include <algorithm>

namespace vantage {

ReplayLineReader::ReplayLineReader(QIODevice *device, qsizetype chunkSize)
    : m_device(device)
    , m_chunkSize(std::max<qsizetype>(chunkSize, 1))
{}

ReplayLineReader::Result ReplayLineReader::next(QByteArrayView &line)
{
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n', m_scan);
        if (newline >= 0) {
            line = QByteArrayView(m_buffer.constData() + m_start, newline - m_start);
            m_start = m_scan = newline + 1;
            m_lineEnded = true;
            return Result::Line;
        }
        m_scan = m_buffer.size();
        if (m_atEnd || m_failed) {
            if (m_start == m_buffer.size())
                return m_failed ? Result::Error : Result::End;
            line = QByteArrayView(m_buffer.constData() + m_start, m_buffer.size() - m_start);
            m_start = m_buffer.size();
            m_lineEnded = false;
            return Result::Line;
        }
        m_failed = !fill();
    }
}

void ReplayLineReader::reset()
{
    m_buffer.clear();
    m_start = 0;
    m_scan = 0;
    m_atEnd = false;
    m_failed = false;
    m_lineEnded = true;
}

bool ReplayLineReader::fill()
{
    // Drop what was returned, so the buffer holds at most one partial line plus a chunk.
    if (m_start > 0) {
        m_buffer.remove(0, m_start);
        m_scan -= m_start;
        m_start = 0;
    }
    const qsizetype used = m_buffer.size();
    m_buffer.resize(used + m_chunkSize);
    const qint64 count = m_device->read(m_buffer.data() + used, m_chunkSize);
    m_buffer.resize(used + std::max<qint64>(count, 0));
    if (count < 0)
        return false;
    m_atEnd = count == 0;
    return true;
}

} // namespace vantage
