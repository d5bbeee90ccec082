#pragma once

#include <QFile>
#include <QIODevice>
#include <QStringList>

#include <memory>
#include <vector>

namespace vantage {

// Several files read as one, in the order given: the segments of the live journal as a single
// log (docs/journal.md). Read-only; seeks to any byte of the whole. The files' sizes are taken
// when it opens, so a segment still being written is read as far as it was then.
class SegmentChainDevice final : public QIODevice
{
    Q_OBJECT
public:
    explicit SegmentChainDevice(QStringList paths, QObject *parent = nullptr);
    ~SegmentChainDevice() override;

    // Opens every file (read-only) and notes its size; false with errorString() naming the file.
    bool open(OpenMode mode) override;
    void close() override;
    qint64 size() const override { return m_total; }
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    struct Part
    {
        std::unique_ptr<QFile> file;
        qint64 start = 0; // offset of its first byte in the whole
        qint64 size = 0;
    };

    QStringList m_paths;
    std::vector<Part> m_parts;
    std::size_t m_current = 0;
    qint64 m_total = 0;
};

} // namespace vantage
