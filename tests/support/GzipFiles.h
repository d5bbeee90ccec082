#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <zlib.h>

namespace vantage::test {

// Writes `content` as one gzip member with zlib's own writer (not Vantage's), replacing the file,
// or after what it holds already when `append` is set: `gzip -c more >> file`.
inline bool writeGzip(const QString &path, const QByteArray &content, bool append = false)
{
    gzFile file = gzopen(QFile::encodeName(path).constData(), append ? "ab" : "wb");
    if (!file)
        return false;
    const bool written = content.isEmpty() ||
                         gzwrite(file, content.constData(), unsigned(content.size())) == int(content.size());
    return gzclose(file) == Z_OK && written;
}

// The file's bytes; empty for a missing file.
inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Replaces the file's bytes; false when it cannot be written.
inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace vantage::test
