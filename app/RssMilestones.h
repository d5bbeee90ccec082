#pragma once

#include <QJsonObject>
#include <QtGlobal>

#include <functional>
#include <vector>

namespace vantage {

// The resident set size when the frames received reach 100,000, 1,000,000, 10,000,000 and so on:
// whether memory stays flat while events go by (docs/performance.md). Each milestone is the median
// of the sizes read at every update over the next 2.5 % of frames: at one instant a batch of up to
// FeedPipeline::kMaxPendingMessages may or may not be in flight, which alone moved a single reading
// by a quarter. Outside those windows an update is two comparisons.
class RssMilestones final
{
public:
    // readMb: the size now, in MB; this process's own by default.
    explicit RssMilestones(std::function<double()> readMb = residentSetMb);

    void update(quint64 framesReceived);
    // {"1000000": megabytes, ...} for the milestones reached.
    QJsonObject toJson() const;

private:
    struct Milestone
    {
        quint64 frames;
        std::vector<double> samples; // MB
    };

    static double residentSetMb();

    std::function<double()> m_readMb;
    quint64 m_next = 100'000;
    std::vector<Milestone> m_reached;
};

// This process's resident set size in bytes, from /proc/self/statm; 0 where there is none.
qint64 residentSetBytes();

} // namespace vantage
