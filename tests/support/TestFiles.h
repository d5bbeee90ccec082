#pragma once

#include <QByteArrayList>
#include <QFile>
#include <QString>

namespace vantage::test {

// Writes each line followed by '\n'; false when the file cannot be written.
inline bool writeLines(const QString &path, const QByteArrayList &lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    for (const QByteArray &line : lines) {
        if (file.write(line + '\n') != line.size() + 1)
            return false;
    }
    return true;
}

// The file's lines without their '\n' (none for a missing file).
inline QByteArrayList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArrayList lines = file.readAll().split('\n');
    if (lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace vantage::test
