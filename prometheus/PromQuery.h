#pragma once

#include <QString>
#include <QUrl>

namespace vantage {

// One PromQL query as Prometheus's HTTP API takes it: at one instant (/api/v1/query, for stat
// cards) or over a range at a step (/api/v1/query_range, for charts).
struct PromQuery
{
    enum class Kind { Instant, Range };
    Kind kind = Kind::Instant;
    QString expr;
    qint64 timeMs = 0;  // Instant: when to evaluate, ms since the epoch; 0 means the server's now
    qint64 startMs = 0; // Range: the first and last evaluation, and the step between them
    qint64 endMs = 0;
    qint64 stepMs = 0;

    // The request URL under `server`, which may carry a path prefix (https://host/prometheus).
    QUrl url(const QUrl &server) const;
};

// Prometheus answers at most this many points per series of a range query.
inline constexpr qint64 kPrometheusMaxPoints = 11'000;

// The step for a range of `rangeMs` drawn `pixelWidth` pixels wide: about one point per pixel,
// rounded up to a step a person reads at a glance (1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 min, ...
// 1 d), never under 1 s and never more points than Prometheus answers.
qint64 rangeStepMs(qint64 rangeMs, int pixelWidth);

} // namespace vantage
