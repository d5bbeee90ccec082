#include "models/HourlyLoad.h"

#include <QDateTime>

#include <algorithm>

namespace vantage {

namespace {

constexpr qint64 kDayMs = 24 * HourlyLoad::kHourMs;

// Division rounding down, for times before the epoch.
qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor < 0) ? quotient - 1 : quotient;
}

} // namespace

HourlyLoad::HourlyLoad(QTimeZone zone, int maxHours)
    : m_zone(std::move(zone))
    , m_maxHours(std::max(maxHours, 1))
{}

void HourlyLoad::addFrame(qint64 tsMs, bool isEvent)
{
    if (!m_lastSlot || tsMs < m_lastSlot->startMs || tsMs >= m_lastSlot->startMs + kHourMs)
        m_lastSlot = slotAt(tsMs);
    const qint64 start = m_lastSlot->startMs;
    const qint64 keptWindowMs = qint64(m_maxHours) * kHourMs;
    if (!m_hours.empty() && start <= m_hours.rbegin()->first - keptWindowMs)
        return;
    const auto [it, inserted] = m_hours.try_emplace(start, Bucket{*m_lastSlot, 0, tsMs, tsMs});
    Bucket &bucket = it->second;
    if (isEvent)
        ++bucket.events;
    bucket.firstMs = std::min(bucket.firstMs, tsMs);
    bucket.lastMs = std::max(bucket.lastMs, tsMs);
    if (!inserted)
        return;
    const qint64 newest = m_hours.rbegin()->first;
    while (m_hours.begin()->first <= newest - keptWindowMs)
        m_hours.erase(m_hours.begin());
}

std::vector<HourlyLoad::CoveredHour> HourlyLoad::coveredHours() const
{
    std::vector<CoveredHour> hours;
    hours.reserve(m_hours.size());
    for (const auto &[start, bucket] : m_hours)
        hours.push_back({bucket.slot, bucket.events});
    return hours;
}

std::optional<qint64> HourlyLoad::firstFrameMs() const
{
    if (m_hours.empty())
        return std::nullopt;
    return m_hours.begin()->second.firstMs;
}

std::optional<qint64> HourlyLoad::lastFrameMs() const
{
    if (m_hours.empty())
        return std::nullopt;
    return m_hours.rbegin()->second.lastMs;
}

HourlyLoad::Slot HourlyLoad::slotAt(qint64 tsMs) const
{
    // The offset at this moment applies to its whole hour: zones change offset on the hour.
    const qint64 offsetMs =
        qint64(m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(tsMs, QTimeZone::utc()))) * 1000;
    const qint64 localStart = floorDiv(tsMs + offsetMs, kHourMs) * kHourMs;
    const qint64 day = floorDiv(localStart, kDayMs);
    // Day 0, 1970-01-01, was a Thursday (4).
    const int dayOfWeek = int((day % 7 + 7 + 3) % 7) + 1;
    return {localStart - offsetMs, dayOfWeek, int((localStart - day * kDayMs) / kHourMs)};
}

} // namespace vantage
