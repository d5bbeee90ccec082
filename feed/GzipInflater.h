#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>

struct z_stream_s;

namespace vantage {

// Decompresses gzip data (RFC 1952) with zlib, piece by piece, so a file of any size is read
// with bounded memory. Members that follow one another (`gzip -c a >> b`) read as one stream.
class GzipInflater final
{
public:
    GzipInflater();
    ~GzipInflater();
    GzipInflater(const GzipInflater &) = delete;
    GzipInflater &operator=(const GzipInflater &) = delete;

    // Decompresses from the front of `input` into `output` (at most `capacity` bytes) and drops
    // the bytes it used from `input`. Returns the bytes written, or -1 when the data is not gzip
    // or is corrupt (error() says how; bytes written before the fault are returned first, and the
    // next call fails). 0 with `input` used up means it needs more input.
    qsizetype inflate(QByteArrayView &input, char *output, qsizetype capacity);
    // True while a member has begun but not ended: input that stops here is cut short.
    bool inMember() const { return m_inMember; }
    // Starts over, for a stream read again from its first byte.
    void reset();
    // Why inflate() failed (zlib's words); empty while all is well.
    const QString &error() const { return m_error; }

private:
    std::unique_ptr<z_stream_s> m_stream;
    bool m_ready = false;
    bool m_inMember = false;
    QString m_error;
};

} // namespace vantage
