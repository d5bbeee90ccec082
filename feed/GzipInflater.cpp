#include "feed/GzipInflater.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace vantage {

namespace {
// zlib's largest window, plus 16: gzip's header and trailer only, not zlib's own format.
constexpr int kGzipWindowBits = 15 + 16;
constexpr qsizetype kMaxStep = std::numeric_limits<uInt>::max();
} // namespace

GzipInflater::GzipInflater()
    : m_stream(std::make_unique<z_stream>())
{
    m_ready = inflateInit2(m_stream.get(), kGzipWindowBits) == Z_OK;
    if (!m_ready)
        m_error = QStringLiteral("zlib could not start");
}

GzipInflater::~GzipInflater()
{
    if (m_ready)
        inflateEnd(m_stream.get());
}

void GzipInflater::reset()
{
    if (m_ready) {
        inflateReset(m_stream.get());
        m_error.clear();
    }
    m_inMember = false;
}

qsizetype GzipInflater::inflate(QByteArrayView &input, char *output, qsizetype capacity)
{
    if (!m_ready || !m_error.isEmpty())
        return -1;
    z_stream &stream = *m_stream;
    qsizetype written = 0;
    while (!input.isEmpty() && written < capacity) {
        const qsizetype offered = std::min(input.size(), kMaxStep);
        const qsizetype room = std::min(capacity - written, kMaxStep);
        // zlib never writes through next_in; its API just predates const.
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
        stream.avail_in = static_cast<uInt>(offered);
        stream.next_out = reinterpret_cast<Bytef *>(output + written);
        stream.avail_out = static_cast<uInt>(room);
        const int result = ::inflate(&stream, Z_NO_FLUSH);
        const qsizetype used = offered - qsizetype(stream.avail_in);
        input = input.sliced(used);
        written += room - qsizetype(stream.avail_out);
        m_inMember = m_inMember || used > 0;
        if (result == Z_STREAM_END) {
            // The member's trailer checked out; a following member starts afresh.
            inflateReset(&stream);
            m_inMember = false;
            continue;
        }
        if (result != Z_OK && result != Z_BUF_ERROR) {
            m_error =
                stream.msg ? QString::fromLatin1(stream.msg) : QStringLiteral("zlib error %1").arg(result);
            return written > 0 ? written : -1; // what came before the fault is given; the next call fails
        }
        if (used == 0 && stream.avail_out > 0)
            break; // zlib took nothing and had room: it needs more input than is here
    }
    return written;
}

} // namespace vantage
