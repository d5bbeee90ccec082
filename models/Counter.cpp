#include "models/Counter.h"

#include <QLatin1String>

namespace vantage {

const char *counterName(Counter c)
{
    switch (c) {
    case Counter::Signups: return "signups";
    case Counter::SupplierSignups: return "signups.supplier";
    case Counter::CoupleSignups: return "signups.couple";
    case Counter::Payments: return "payments";
    case Counter::Revenue: return "revenue";
    case Counter::FormSubmissions: return "form_submissions";
    case Counter::Invitations: return "invitations";
    case Counter::ActiveUsers: return "active_users";
    }
    return "unknown";
}

std::optional<Counter> counterFromName(QStringView name)
{
    for (int i = 0; i < counterCount; ++i) {
        const auto c = static_cast<Counter>(i);
        if (name == QLatin1String(counterName(c)))
            return c;
    }
    return std::nullopt;
}

} // namespace vantage
