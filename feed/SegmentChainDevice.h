#pragma once

#include <QFile>
#include <QIODevice>
#include <QStringList>

#include <memory>
#include <vector>

namespace vantage {

class GzipInputDevice;

// Several segment files read as one content, in the order given: the segments of the live journal
// as a single log (docs/journal.md). Each segment is decompressed on its own when it is gzip, so
// a segment that ends without its gzip trailer (the one still being written, or one cut by a
// crash) ends where its writer last flushed, and the next segment starts clean. The files' sizes
// are taken when it opens, so a segment still being written is read as far as it was then.
// Read-only and sequential: restart() goes back to the first byte.
class SegmentChainDevice final : public QIODevice
{
    Q_OBJECT
public:
    explicit SegmentChainDevice(QStringList paths, QObject *parent = nullptr);
    ~SegmentChainDevice() override;

    // Opens every file (read-only) and notes its size; false with errorString() naming the file.
    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return true; }
    // The bytes of all the files, compressed or not.
    qint64 size() const override { return m_total; }
    // Of those, how many have been read.
    qint64 filesRead() const;
    bool restart();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    struct Part;

    bool startPart(std::size_t index);
    qint64 fail(const Part &part, const QString &reason);

    QStringList m_paths;
    std::vector<std::unique_ptr<Part>> m_parts;
    std::size_t m_current = 0;
    qint64 m_total = 0;
};

} // namespace vantage
