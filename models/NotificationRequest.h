#pragma once

#include "feed/Message.h"

#include <QString>

namespace vantage {

// Something worth telling the operator about (docs/notifications.md): seed 000's toasts for a
// new signup, a payment above the threshold and a critical alert, and a tone for warning and
// error alerts. NotificationPolicy decides whether and through which channels it is shown.
struct NotificationRequest
{
    enum class Kind : quint8 { Signup, Payment, Alert };

    Kind kind = Kind::Alert;
    QString key; // dedup key: "signup:<event id>", "payment:<event id>", "alert:<alert id>:<severity>"
    Severity severity = Severity::Info;
    QString title;   // plain text, one line
    QString body;    // plain text; may be empty
    QString alertId; // the alert the desktop actions act on; empty unless kind is Alert
    qint64 tsMs = 0; // when it happened, ms since the Unix epoch

    friend bool operator==(const NotificationRequest &, const NotificationRequest &) = default;
};

} // namespace vantage
