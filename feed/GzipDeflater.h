#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

struct z_stream_s;

namespace vantage {

// Compresses one stream into the gzip format (RFC 1952) with zlib, piece by piece, for the
// files Vantage writes itself (recordings).
class GzipDeflater final
{
public:
    enum class Flush {
        Sync,   // everything so far becomes decodable: a file cut short still reads up to here
        Finish, // ends the stream (trailer); nothing may follow
    };

    GzipDeflater();
    ~GzipDeflater();
    GzipDeflater(const GzipDeflater &) = delete;
    GzipDeflater &operator=(const GzipDeflater &) = delete;

    // Compresses `input` and appends the result to `output`. False when zlib fails or the
    // stream has already been finished.
    bool append(QByteArrayView input, QByteArray &output, Flush flush);

private:
    std::unique_ptr<z_stream_s> m_stream;
    bool m_open = false;
};

} // namespace vantage
