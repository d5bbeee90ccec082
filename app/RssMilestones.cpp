#include "app/RssMilestones.h"

#include <QFile>
#include <QList>

#include <algorithm>

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

RssMilestones::RssMilestones(std::function<double()> readMb) : m_readMb(std::move(readMb)) {}

double RssMilestones::residentSetMb()
{
    return double(residentSetBytes()) / (1024.0 * 1024.0);
}

void RssMilestones::update(quint64 framesReceived)
{
    const bool crossing = framesReceived >= m_next;
    const bool sampling =
        !m_reached.empty() && framesReceived <= m_reached.back().frames + m_reached.back().frames / 40;
    if (!crossing && !sampling)
        return;
    const double mb = m_readMb();
    if (sampling)
        m_reached.back().samples.push_back(mb);
    while (framesReceived >= m_next) {
        m_reached.push_back({m_next, {mb}});
        m_next *= 10;
    }
}

QJsonObject RssMilestones::toJson() const
{
    QJsonObject object;
    for (const Milestone &milestone : m_reached) {
        std::vector<double> sorted = milestone.samples;
        std::sort(sorted.begin(), sorted.end());
        const size_t half = sorted.size() / 2;
        const double median = sorted.size() % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2.0;
        object.insert(QString::number(milestone.frames), median);
    }
    return object;
}

} // namespace vantage
