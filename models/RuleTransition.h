#pragma once

#include "feed/Message.h"

#include <QString>
#include <QtNumeric>

namespace vantage {

// A change of a rule's alert, for AlertModel (alert / resolved) and for the record (suppressed).
struct RuleTransition
{
    enum class Kind { Fired, Resolved, Suppressed };

    Kind kind = Kind::Fired;
    QString ruleId;
    qint64 tsMs = 0;
    double value = qQNaN();     // the sample's value; NaN when no sample caused it ("rule removed")
    AlertInfo alert;            // Fired: ready for AlertModel::applyAlerts
    AlertResolvedInfo resolved; // Resolved: ready for AlertModel::applyResolved

    // Not defaulted: value may be NaN.
    friend bool operator==(const RuleTransition &a, const RuleTransition &b)
    {
        return a.kind == b.kind && a.ruleId == b.ruleId && a.tsMs == b.tsMs && sameNumber(a.value, b.value) &&
               a.alert == b.alert && a.resolved == b.resolved;
    }
};

} // namespace vantage
