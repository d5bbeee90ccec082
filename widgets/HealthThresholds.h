#pragma once

#include <QString>

#include <optional>

namespace vantage {

enum class HealthLevel { Unknown, Ok, Warning, Critical };

// "OK", "WARN", "CRITICAL", "NO DATA".
QString healthLevelLabel(HealthLevel level);

// Warn and critical levels of one gauge. A value that reaches a level is at that level
// (response time 500 ms with warn 500 is Warning).
struct HealthThresholds
{
    enum class Direction { HigherIsWorse, LowerIsWorse };

    double warn = 0.0;
    double critical = 0.0;
    Direction direction = Direction::HigherIsWorse;

    // NaN (no sample) is Unknown.
    HealthLevel levelFor(double value) const;

    // Seed 000's defaults.
    static HealthThresholds responseTimeMs() { return {500.0, 2000.0, Direction::HigherIsWorse}; }
    static HealthThresholds errorRatePercent() { return {1.0, 2.0, Direction::HigherIsWorse}; }
    static HealthThresholds cpuPercent() { return {70.0, 90.0, Direction::HigherIsWorse}; }
    static HealthThresholds memoryPercent() { return {80.0, 95.0, Direction::HigherIsWorse}; }
    static HealthThresholds queueDepth() { return {100.0, 1000.0, Direction::HigherIsWorse}; }

    // The defaults for a canonical gauge name; none for gauges without a health meaning
    // (requests_per_second).
    static std::optional<HealthThresholds> forMetric(const QString &gaugeName);
};

} // namespace vantage
