#include "app/RssMilestones.h"

#include <QFile>
#include <QList>

#include <unistd.h>

namespace vantage {

qint64 residentSetBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    // "size resident shared ...", in pages.
    const QList<QByteArray> fields = statm.readLine().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

void RssMilestones::update(quint64 framesReceived)
{
    if (framesReceived < m_next)
        return;
    const double mb = double(residentSetBytes()) / (1024.0 * 1024.0);
    while (framesReceived >= m_next) {
        m_reached.emplace_back(m_next, mb);
        m_next *= 10;
    }
}

QJsonObject RssMilestones::toJson() const
{
    QJsonObject object;
    for (const auto &[frames, mb] : m_reached)
        object.insert(QString::number(frames), mb);
    return object;
}

} // namespace vantage
