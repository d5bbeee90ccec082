#include "models/ReplaySeeker.h"

#include "models/DashboardModels.h"
#include "models/ReplaySeekPlanner.h"

namespace vantage {

ReplaySeeker::ReplaySeeker(DashboardModels *models)
    : m_models(models)
{}

void ReplaySeeker::setIndex(std::shared_ptr<const ReplayIndex> index)
{
    m_index = std::move(index);
}

void ReplaySeeker::setPoints(ReplaySeekPointsPtr points)
{
    m_points = std::move(points);
}

void ReplaySeeker::reset()
{
    m_index.reset();
    m_points.reset();
    m_waiting.clear();
}

std::optional<ReplaySeek> ReplaySeeker::prepare(qint64 targetMs)
{
    if (!m_index || !m_points)
        return std::nullopt;
    const ReplaySeekPoint *from = planSeek(*m_points, targetMs, m_models->seekFeedWindow());
    if (!from)
        return std::nullopt;
    ReplaySeek seek;
    seek.token = m_nextToken++;
    seek.format = m_index->format;
    seek.firstTimeMs = m_index->firstTimeMs;
    seek.from = from->checkpoint;
    seek.epoch = from->epoch;
    seek.lastSeq = from->lastSeq;
    seek.targetMs = targetMs;
    m_waiting.emplace(seek.token, from->aggregates);
    m_lastSeekFromLine = from->checkpoint.line;
    return seek;
}

void ReplaySeeker::restoreFor(quint64 token)
{
    const auto it = m_waiting.find(token);
    if (it == m_waiting.end())
        return;
    m_models->restoreAggregates(*it->second);
    m_waiting.erase(m_waiting.begin(), std::next(it));
}

} // namespace vantage
