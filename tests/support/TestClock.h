#pragma once

#include <QtGlobal>

namespace vantage::test {

// A controllable clock for time-dependent logic: tests advance it explicitly instead of sleeping.
class TestClock
{
public:
    explicit TestClock(qint64 startMs = 1'700'000'000'000) : m_nowMs(startMs) {}
    qint64 now() const { return m_nowMs; }
    void advance(qint64 ms) { m_nowMs += ms; }
    void set(qint64 ms) { m_nowMs = ms; }

private:
    qint64 m_nowMs;
};

} // namespace vantage::test
