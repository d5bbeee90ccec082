#pragma once

#include <QJsonObject>
#include <QtGlobal>

#include <utility>
#include <vector>

namespace vantage {

// The resident set size when the frames received first reach 100,000, 1,000,000, 10,000,000 and
// so on: whether memory stays flat while events go by (docs/performance.md). Between milestones
// an update is one comparison.
class RssMilestones final
{
public:
    void update(quint64 framesReceived);
    // {"1000000": megabytes, ...} for the milestones reached.
    QJsonObject toJson() const;

private:
    quint64 m_next = 100'000;
    std::vector<std::pair<quint64, double>> m_reached; // frames, MB
};

// This process's resident set size in bytes, from /proc/self/statm; 0 where there is none.
qint64 residentSetBytes();

} // namespace vantage
