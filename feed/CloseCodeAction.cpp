#include "feed/CloseCodeAction.h"

namespace vantage {

namespace {

struct CloseCodeRow
{
    int code;
    CloseAction action;
    const char *name;
};

constexpr CloseCodeRow kCloseCodes[] = {
    {1000, CloseAction::Reconnect, "normal"},
    {1001, CloseAction::Reconnect, "going away"},
    {1002, CloseAction::PersistentFailure, "protocol error"},
    {1003, CloseAction::PersistentFailure, "unsupported data"},
    {1005, CloseAction::Backoff, "no status"},
    {1006, CloseAction::Backoff, "abnormal closure"},
    {1007, CloseAction::PersistentFailure, "invalid payload"},
    {1008, CloseAction::Stop, "policy violation"},
    {1009, CloseAction::PersistentFailure, "message too big"},
    {1010, CloseAction::PersistentFailure, "missing extension"},
    {1011, CloseAction::Backoff, "internal server error"},
    {1012, CloseAction::RestartDelay, "service restart"},
    {1013, CloseAction::OpenBreaker, "try again later"},
    {1015, CloseAction::Backoff, "TLS handshake failed"},
};

} // namespace

CloseRule closeRuleFor(int code)
{
    for (const CloseCodeRow &row : kCloseCodes) {
        if (row.code == code)
            return {row.action, QLatin1String(row.name)};
    }
    return {CloseAction::Backoff, QLatin1String("unknown")};
}

CloseRule hiddenCloseCodeRule()
{
    return {CloseAction::RestartOrBusy, QLatin1String("restart or overload (1012-2999, hidden by Qt)")};
}

bool isHiddenCloseCode(int code, const QString &closeReason)
{
    return code == 1002 && closeReason.startsWith(QLatin1String("Invalid close code"));
}

QLatin1String closeActionName(CloseAction action)
{
    switch (action) {
    case CloseAction::Reconnect: return QLatin1String("reconnect");
    case CloseAction::Backoff: return QLatin1String("backoff");
    case CloseAction::Stop: return QLatin1String("stop");
    case CloseAction::RestartDelay: return QLatin1String("restart-delay");
    case CloseAction::OpenBreaker: return QLatin1String("open-breaker");
    case CloseAction::PersistentFailure: return QLatin1String("persistent-failure");
    case CloseAction::RestartOrBusy: return QLatin1String("restart-or-busy");
    }
    return QLatin1String("backoff");
}

} // namespace vantage
