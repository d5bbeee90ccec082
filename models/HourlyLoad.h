#pragma once

#include <QTimeZone>

#include <map>
#include <optional>
#include <vector>

namespace vantage {

// Events per hour over a stretch of history, for the load forecast (docs/forecast.md). Hours are
// those of a time zone (the system's unless given), so "18:00" means what the operator reads on
// the wall clock. An hour is covered once any frame with a time fell in it: an hour without a
// frame was not recorded, and its load is unknown, not zero. Memory is bounded: only the newest
// `maxHours` hours are kept, older ones are dropped.
class HourlyLoad final
{
public:
    static constexpr qint64 kHourMs = 3'600'000;
    static constexpr int kDefaultMaxHours = 8 * 7 * 24; // eight weeks

    // One hour of the zone.
    struct Slot
    {
        qint64 startMs = 0; // its first millisecond, since the epoch
        int dayOfWeek = 0;  // in the zone: 1 (Monday) to 7 (Sunday)
        int hourOfDay = 0;  // in the zone: 0 to 23
    };

    struct CoveredHour
    {
        Slot slot;
        qint64 events = 0;
    };

    explicit HourlyLoad(QTimeZone zone = QTimeZone::systemTimeZone(), int maxHours = kDefaultMaxHours);

    // A frame with its time; `isEvent` when its body is a LiveEvent. Frames may come in any order;
    // one older than the hours kept is ignored.
    void addFrame(qint64 tsMs, bool isEvent);

    // Every covered hour, oldest first.
    std::vector<CoveredHour> coveredHours() const;
    qsizetype coveredCount() const { return qsizetype(m_hours.size()); }
    // The earliest and latest frame in the hours kept; nullopt while none is.
    std::optional<qint64> firstFrameMs() const;
    std::optional<qint64> lastFrameMs() const;

    // The hour of the zone that holds `tsMs`.
    Slot slotAt(qint64 tsMs) const;
    const QTimeZone &zone() const { return m_zone; }
    int maxHours() const { return m_maxHours; }

private:
    struct Bucket
    {
        Slot slot;
        qint64 events = 0;
        qint64 firstMs = 0;
        qint64 lastMs = 0;
    };

    QTimeZone m_zone;
    int m_maxHours;
    std::map<qint64, Bucket> m_hours; // by start
    // The hour the last frame fell in: frames mostly come in order, so the zone is rarely asked.
    std::optional<Slot> m_lastSlot;
};

} // namespace vantage
