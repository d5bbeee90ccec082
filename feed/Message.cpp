#include "feed/Message.h"

namespace vantage {

QLatin1String messageKindName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Hello: return QLatin1String("hello");
    case MessageKind::Snapshot: return QLatin1String("snapshot");
    case MessageKind::Event: return QLatin1String("event");
    case MessageKind::Metrics: return QLatin1String("metrics");
    case MessageKind::ActiveUsers: return QLatin1String("active_users");
    case MessageKind::Alert: return QLatin1String("alert");
    case MessageKind::AlertResolved: return QLatin1String("alert_resolved");
    case MessageKind::AlertAck: return QLatin1String("alert_ack");
    case MessageKind::Progress: return QLatin1String("progress");
    case MessageKind::Notification: return QLatin1String("notification");
    case MessageKind::Ping: return QLatin1String("ping");
    case MessageKind::Pong: return QLatin1String("pong");
    }
    return QLatin1String("unknown");
}

QLatin1String severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QLatin1String("info");
    case Severity::Warning: return QLatin1String("warning");
    case Severity::Error: return QLatin1String("error");
    case Severity::Critical: return QLatin1String("critical");
    }
    return QLatin1String("warning");
}

} // namespace vantage
