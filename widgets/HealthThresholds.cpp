#include "widgets/HealthThresholds.h"

#include <QCoreApplication>

#include <cmath>

namespace vantage {

QString healthLevelLabel(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Ok: return QCoreApplication::translate("HealthLevel", "OK");
    case HealthLevel::Warning: return QCoreApplication::translate("HealthLevel", "WARN");
    case HealthLevel::Critical: return QCoreApplication::translate("HealthLevel", "CRITICAL");
    case HealthLevel::Unknown: break;
    }
    return QCoreApplication::translate("HealthLevel", "NO DATA");
}

HealthLevel HealthThresholds::levelFor(double value) const
{
    if (!std::isfinite(value))
        return HealthLevel::Unknown;
    if (direction == Direction::HigherIsWorse) {
        if (value >= critical)
            return HealthLevel::Critical;
        if (value >= warn)
            return HealthLevel::Warning;
        return HealthLevel::Ok;
    }
    if (value <= critical)
        return HealthLevel::Critical;
    if (value <= warn)
        return HealthLevel::Warning;
    return HealthLevel::Ok;
}

std::optional<HealthThresholds> HealthThresholds::forMetric(const QString &gaugeName)
{
    if (gaugeName == QLatin1String("avg_response_ms") || gaugeName == QLatin1String("p95_response_ms"))
        return responseTimeMs();
    if (gaugeName == QLatin1String("error_rate"))
        return errorRatePercent();
    if (gaugeName == QLatin1String("cpu_percent"))
        return cpuPercent();
    if (gaugeName == QLatin1String("memory_percent"))
        return memoryPercent();
    if (gaugeName == QLatin1String("queue_depth"))
        return queueDepth();
    return std::nullopt;
}

} // namespace vantage
