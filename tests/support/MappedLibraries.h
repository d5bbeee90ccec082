#pragma once

#include <QByteArray>
#include <QFile>

namespace vantage::test {

// Whether a file whose path contains `name` is mapped into this process (/proc/self/maps): a
// library or plugin that has been loaded.
inline bool libraryMapped(const QByteArray &name)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains(name);
}

} // namespace vantage::test
