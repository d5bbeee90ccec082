#include "feed/SegmentChainDevice.h"

#include "feed/GzipInputDevice.h"

#include <algorithm>

namespace vantage {

namespace {
const QByteArray kGzipMagic = QByteArrayLiteral("\x1f\x8b");
}

struct SegmentChainDevice::Part
{
    QFile file;
    qint64 start = 0; // offset of its first file byte among all the files' bytes
    qint64 size = 0;
    std::unique_ptr<GzipInputDevice> gzip; // while it is read, when it is gzip

    // Where the segment's content comes from: decompressed, or the file up to its size at open.
    qint64 read(char *data, qint64 maxSize)
    {
        if (gzip)
            return gzip->read(data, maxSize);
        return file.read(data, std::min(maxSize, size - file.pos()));
    }
    qint64 fileBytesRead() const { return gzip ? gzip->compressedOffset() : file.pos(); }
    QString error() const { return gzip ? gzip->errorString() : file.errorString(); }
};

// Bounds a file to the size it had when the chain opened, so the gzip reader of a segment still
// being written stops where that segment stood.
class SizedFileView final : public QIODevice
{
public:
    SizedFileView(QFile *file, qint64 size)
        : m_file(file)
        , m_size(size)
    {
        open(ReadOnly | Unbuffered);
    }
    bool seek(qint64 pos) override { return QIODevice::seek(pos) && m_file->seek(pos); }
    qint64 size() const override { return m_size; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        return m_file->read(data, std::min(maxSize, m_size - m_file->pos()));
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile *m_file;
    qint64 m_size;
};

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
        auto part = std::make_unique<Part>();
        part->file.setFileName(path);
        if (!part->file.open(QIODevice::ReadOnly)) {
            setErrorString(QStringLiteral("cannot open %1: %2").arg(path, part->file.errorString()));
            m_parts.clear();
            return false;
        }
        part->start = m_total;
        part->size = part->file.size();
        m_total += part->size;
        m_parts.push_back(std::move(part));
    }
    if (!QIODevice::open(mode | Unbuffered))
        return false;
    return restart();
}

void SegmentChainDevice::close()
{
    m_parts.clear();
    m_total = 0;
    QIODevice::close();
}

qint64 SegmentChainDevice::filesRead() const
{
    if (m_current >= m_parts.size())
        return m_total;
    const Part &part = *m_parts[m_current];
    return part.start + part.fileBytesRead();
}

bool SegmentChainDevice::restart()
{
    return m_parts.empty() || startPart(0);
}

bool SegmentChainDevice::startPart(std::size_t index)
{
    if (m_current < m_parts.size())
        m_parts[m_current]->gzip.reset();
    m_current = index;
    Part &part = *m_parts[index];
    if (!part.file.seek(0)) {
        setErrorString(QStringLiteral("cannot read %1 from its start").arg(part.file.fileName()));
        return false;
    }
    if (part.file.peek(kGzipMagic.size()) == kGzipMagic) {
        auto *view = new SizedFileView(&part.file, part.size);
        part.gzip = std::make_unique<GzipInputDevice>(view);
        view->setParent(part.gzip.get());
        part.gzip->setUnfinishedEndAllowed(true);
        part.gzip->open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    return true;
}

qint64 SegmentChainDevice::readData(char *data, qint64 maxSize)
{
    while (m_current < m_parts.size()) {
        Part &part = *m_parts[m_current];
        const qint64 got = part.read(data, maxSize);
        if (got < 0)
            return fail(part, part.error());
        if (got > 0)
            return got;
        if (m_current + 1 == m_parts.size())
            return 0;
        if (!startPart(m_current + 1))
            return -1;
    }
    return 0;
}

qint64 SegmentChainDevice::fail(const Part &part, const QString &reason)
{
    setErrorString(QStringLiteral("%1: %2").arg(part.file.fileName(), reason));
    return -1;
}

qint64 SegmentChainDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace vantage
