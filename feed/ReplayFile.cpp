#include "feed/ReplayFile.h"

#include "feed/GzipInputDevice.h"

#include <QFileInfo>

namespace vantage {

namespace {
const QByteArray kGzipMagic = QByteArrayLiteral("\x1f\x8b");
}

ReplayFile::ReplayFile(QString path)
    : m_path(std::move(path))
    , m_file(m_path)
{}

ReplayFile::~ReplayFile() = default;

bool ReplayFile::open()
{
    if (m_path.isEmpty())
        return fail(QStringLiteral("No replay file given"));
    const QFileInfo info(m_path);
    if (!info.exists())
        return fail(QStringLiteral("Replay file %1 does not exist").arg(m_path));
    if (info.isDir())
        return fail(QStringLiteral("Replay path %1 is a directory, not a log file").arg(m_path));
    if (!m_file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("Cannot open replay file %1: %2").arg(m_path, m_file.errorString()));
    if (m_file.peek(kGzipMagic.size()) == kGzipMagic) {
        m_gzip = std::make_unique<GzipInputDevice>(&m_file);
        m_gzip->open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    return true;
}

QIODevice *ReplayFile::content()
{
    if (m_gzip)
        return m_gzip.get();
    return &m_file;
}

bool ReplayFile::rewind()
{
    if (m_gzip ? m_gzip->restart() : m_file.seek(0))
        return true;
    return fail(QStringLiteral("Cannot read replay file %1 again from the start: %2")
                    .arg(m_path, m_file.errorString()));
}

QString ReplayFile::contentError() const
{
    return m_gzip ? m_gzip->errorString() : m_file.errorString();
}

bool ReplayFile::fail(const QString &message)
{
    m_error = message;
    return false;
}

QString ReplayFile::noContentMessage(const QString &path, qint64 linesRead, bool gzip)
{
    const QString what = linesRead > 0 ? QStringLiteral("holds only blank lines")
                         : gzip        ? QStringLiteral("is empty once decompressed (gzip)")
                                       : QStringLiteral("is empty");
    return QStringLiteral("Replay file %1 %2").arg(path, what);
}

} // namespace vantage
