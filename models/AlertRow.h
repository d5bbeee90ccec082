#pragma once

#include "feed/Message.h"

namespace vantage {

// One alert as AlertModel keeps it: the alert as last raised, when it was first raised and,
// once resolved, when and why.
struct AlertRow
{
    AlertInfo info;
    qint64 raisedAtMs = 0;
    qint64 resolvedAtMs = 0; // 0 while open
    QString reason;

    friend bool operator==(const AlertRow &, const AlertRow &) = default;
};

} // namespace vantage
