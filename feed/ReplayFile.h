#pragma once

#include <QFile>
#include <QString>

#include <memory>

namespace vantage {

class GzipInputDevice;
class SegmentChainDevice;

// A log file opened for replay: its content as a device, plain or decompressed from gzip (known
// by its first two bytes, 1f 8b, whatever its name), read in chunks. Every message names the file.
// A folder of live journal segments (docs/journal.md) opens as one log: its segments in order,
// as they stood when it was opened.
class ReplayFile final
{
public:
    explicit ReplayFile(QString path);
    ~ReplayFile();
    ReplayFile(const ReplayFile &) = delete;
    ReplayFile &operator=(const ReplayFile &) = delete;

    // Opens the file; false with error() set when there is none, it is a directory, or it
    // cannot be read.
    bool open();
    // The content, for ReplayLineReader.
    QIODevice *content();
    // Back to the first byte of the content; false with error() set when that fails.
    bool rewind();
    // To byte `offset` of the content (a checkpoint's); false with error() set when that fails.
    // Plain files seek; gzip and journal folders have no random access, so the content is
    // decompressed again from the start up to the offset.
    bool seekContent(qint64 offset);
    // Compressed: a gzip file, or a journal folder (its segments are gzip).
    bool isGzip() const { return m_gzip != nullptr || m_segments != nullptr; }
    // The bytes of the file (of all its segments for a journal), compressed or not.
    qint64 size() const { return m_raw ? m_raw->size() : 0; }
    // Of those, how many have been read.
    qint64 bytesRead() const;
    // Why the content could not be read further (for gzip, with the compressed byte offset).
    QString contentError() const;
    const QString &error() const { return m_error; }

    // The message for a log that gave no frame at all: empty, empty once decompressed, or
    // only blank lines (linesRead > 0).
    static QString noContentMessage(const QString &path, qint64 linesRead, bool gzip);

private:
    bool fail(const QString &message);

    QString m_path;
    QFile m_file;
    std::unique_ptr<SegmentChainDevice> m_segments; // a journal folder
    QIODevice *m_raw = nullptr;                     // m_file or m_segments
    std::unique_ptr<GzipInputDevice> m_gzip;
    QString m_error;
};

} // namespace vantage
