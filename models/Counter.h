#pragma once

#include <QStringView>

#include <optional>

namespace vantage {

// Today's aggregates, as shown on the counter tiles.
enum class Counter {
    Signups,
    SupplierSignups,
    CoupleSignups,
    Payments,
    Revenue,
    FormSubmissions,
    Invitations,
    ActiveUsers,
};

inline constexpr int counterCount = 8;

// The canonical snapshot name (feed/Message.h): "signups", "signups.supplier", ...
const char *counterName(Counter c);
std::optional<Counter> counterFromName(QStringView name);

} // namespace vantage
