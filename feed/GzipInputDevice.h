#pragma once

#include "feed/GzipInflater.h"

#include <QByteArray>
#include <QIODevice>

namespace vantage {

// A read-only, sequential device giving the decompressed bytes of a gzip stream that another
// device holds (a file). It reads that device in chunks, so memory stays bounded by the chunk
// size whatever the file's size. A read fails (-1, errorString() naming the byte offset) when the
// data is corrupt or ends in the middle of a member. Open it with open(ReadOnly | Unbuffered).
class GzipInputDevice final : public QIODevice
{
    Q_OBJECT
public:
    explicit GzipInputDevice(QIODevice *compressed, qsizetype chunkSize = 64 * 1024,
                             QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    // Reads the stream again from its first byte (seeks the compressed device to 0).
    bool restart();
    // A stream still being written (or cut by a crash) has no trailer yet: with this, its end is
    // where its writer last flushed rather than an error.
    void setUnfinishedEndAllowed(bool allowed) { m_unfinishedEndAllowed = allowed; }
    // How many compressed bytes have been decompressed so far.
    qint64 compressedOffset() const { return m_consumed; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    qint64 fail(const QString &reason);
    qint64 failCorrupt();

    QIODevice *m_compressed;
    qsizetype m_chunkSize;
    GzipInflater m_inflater;
    QByteArray m_chunk;       // compressed bytes read, reused
    qsizetype m_chunkPos = 0; // the first of them not yet decompressed
    qint64 m_consumed = 0;
    bool m_unfinishedEndAllowed = false;
};

} // namespace vantage
