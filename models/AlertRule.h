#pragma once

#include "feed/Message.h"

#include <QString>
#include <QtNumeric>

#include <vector>

namespace vantage {

// A client-side alert rule on one gauge of MetricsSample (docs/alert-rules.md). Fires when the
// value reaches fireAt and has stayed there forMs; resolves only once the value is back past
// resolveAt, so a value hovering at the threshold does not flap.
struct AlertRule
{
    enum class Direction { Above, Below };

    QString id;     // stable across edits: the evaluator keeps state by it
    QString metric; // gauge name, e.g. "avg_response_ms"
    Direction direction = Direction::Above;
    double fireAt = qQNaN();
    double resolveAt = qQNaN(); // Above: <= fireAt; Below: >= fireAt
    qint64 forMs = 0;           // the breach must hold this long; 0 fires on the first breaching sample
    qint64 repeatAfterMs = 0;   // no new firing sooner than this after the last one
    Severity severity = Severity::Warning;
    QString message; // plain text; "{value}" and "{threshold}" are replaced by numbers
    QString unit;    // shown after numbers in resolve reasons: "ms", "%"; may be empty
    bool enabled = true;

    // Seed 000's load monitor thresholds (cpu 70, memory 80, response time 2000 ms, error rate 2 %).
    static std::vector<AlertRule> defaults();

    // Empty when the rule is usable; else what is wrong with it, naming the field.
    QString validate() const;

    // The value reaches the firing threshold (a value equal to fireAt breaches).
    bool breaches(double value) const;
    // The value is back past resolveAt (strictly: a value equal to resolveAt keeps firing).
    bool clears(double value) const;

    // The message template filled with `value` and fireAt.
    QString messageFor(double value) const;
    // "back below 1,800 ms" / "back above 20 %".
    QString resolveReason() const;

    // "2,150", "71.3", "0.27": grouping, and fewer decimals the larger the value.
    static QString formatNumber(double value);

    // Not defaulted: the thresholds are NaN until set.
    friend bool operator==(const AlertRule &a, const AlertRule &b)
    {
        return a.id == b.id && a.metric == b.metric && a.direction == b.direction &&
               sameNumber(a.fireAt, b.fireAt) && sameNumber(a.resolveAt, b.resolveAt) && a.forMs == b.forMs &&
               a.repeatAfterMs == b.repeatAfterMs && a.severity == b.severity && a.message == b.message &&
               a.unit == b.unit && a.enabled == b.enabled;
    }
};

} // namespace vantage
