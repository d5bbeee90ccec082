#include "feed/GzipDeflater.h"

#include <zlib.h>

namespace vantage {

namespace {
constexpr qsizetype kOutputStep = 64 * 1024;
// zlib's largest window, plus 16: a gzip header and trailer instead of zlib's own.
constexpr int kGzipWindowBits = 15 + 16;
constexpr int kMemoryLevel = 8; // zlib's default
} // namespace

GzipDeflater::GzipDeflater()
    : m_stream(std::make_unique<z_stream>())
{
    m_open = deflateInit2(m_stream.get(), Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, kMemoryLevel,
                          Z_DEFAULT_STRATEGY) == Z_OK;
}

GzipDeflater::~GzipDeflater()
{
    deflateEnd(m_stream.get());
}

bool GzipDeflater::append(QByteArrayView input, QByteArray &output, Flush flush)
{
    if (!m_open)
        return false;
    z_stream &stream = *m_stream;
    // zlib never writes through next_in; its API just predates const.
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
    stream.avail_in = static_cast<uInt>(input.size());
    const int mode = flush == Flush::Finish ? Z_FINISH : Z_SYNC_FLUSH;
    int result = Z_OK;
    do {
        const qsizetype used = output.size();
        output.resize(used + kOutputStep);
        stream.next_out = reinterpret_cast<Bytef *>(output.data() + used);
        stream.avail_out = static_cast<uInt>(kOutputStep);
        result = deflate(&stream, mode);
        output.resize(used + kOutputStep - qsizetype(stream.avail_out));
        if (result == Z_STREAM_ERROR)
            return false;
    } while (stream.avail_out == 0);
    if (flush == Flush::Finish) {
        m_open = false;
        return result == Z_STREAM_END;
    }
    return true;
}

} // namespace vantage
