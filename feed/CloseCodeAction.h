#pragma once

#include <QString>

namespace vantage {

// What a WebSocket close code makes the client do; the one table is in CloseCodeAction.cpp
// and docs/protocol.md "Close codes".
enum class CloseAction : quint8 {
    Reconnect,         // the server went away on purpose: reconnect with jitter, resume
    Backoff,           // abnormal or server error: exponential backoff, resume
    Stop,              // policy (usually auth): no automatic retry, show the reason
    RestartDelay,      // service restart: reconnect after a random 5-30 s
    OpenBreaker,       // try again later: open the circuit breaker (long probe interval)
    PersistentFailure, // a protocol or data error that will recur: a failure however long it lasted
    // A code Qt 6.4 does not pass on (1012-2999, so 1012 "service restart" and 1013 "try again
    // later" among them): a random 5-30 s wait that also counts as a failure, so repeats open
    // the breaker. It serves both 1012 and 1013 without knowing which was sent.
    RestartOrBusy,
};

struct CloseRule
{
    CloseAction action;
    QLatin1String name;   // "going away", "policy violation", ...
};

// The rule for a close code; unknown codes (including 4000-4999) back off.
CloseRule closeRuleFor(int code);

// The rule when the server's code was hidden: Qt 6.4 replaces a close code it considers invalid
// (1012-2999) by 1002 with the reason "Invalid close code 1002 detected." and drops the original.
CloseRule hiddenCloseCodeRule();
bool isHiddenCloseCode(int code, const QString &closeReason);

QLatin1String closeActionName(CloseAction action);

} // namespace vantage
