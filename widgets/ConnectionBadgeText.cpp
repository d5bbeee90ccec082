#include "widgets/ConnectionBadgeText.h"

#include "widgets/ValueFormat.h"

#include <QCoreApplication>

#include <algorithm>

namespace vantage {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionBadge", text);
}

// Whole seconds until a deadline, rounded up so "in 0 s" only shows when it is due.
qint64 secondsUntil(qint64 deadlineMs, qint64 nowMs)
{
    return std::max<qint64>(0, (deadlineMs - nowMs + 999) / 1000);
}

// The network transport in words; empty for replays and the demo, where it goes without saying.
QString transportName(const QString &transport)
{
    if (transport == QLatin1String("websocket"))
        return tr("WebSocket");
    if (transport == QLatin1String("sse"))
        return tr("SSE");
    if (transport == QLatin1String("polling"))
        return tr("polling");
    return {};
}

QString withTransport(const QString &text, const ConnectionStatus &status)
{
    const QString transport = transportName(status.transport);
    return transport.isEmpty() ? text : tr("%1 \u00b7 %2").arg(text, transport);
}

} // namespace

QString ConnectionBadgeText::stateText(const ConnectionStatus &status, qint64 nowMs)
{
    switch (status.state) {
    case ConnectionState::Idle: return tr("Not connected");
    case ConnectionState::Connecting:
        return withTransport(status.breaker == BreakerState::HalfOpen ? tr("Probing\u2026") : tr("Connecting\u2026"),
                             status);
    case ConnectionState::Live:
        if (status.paused)
            return tr("Paused");
        // A log playing back is not live: the badge must not say so.
        return status.transport == QLatin1String("replay") ? tr("Playing") : withTransport(tr("Live"), status);
    case ConnectionState::Reconnecting:
        return tr("Reconnecting in %1 s (attempt %2)").arg(secondsUntil(status.retryAtMs, nowMs)).arg(status.attempt);
    case ConnectionState::Offline:
        return tr("Offline (circuit open), next probe in %1 s").arg(secondsUntil(status.retryAtMs, nowMs));
    case ConnectionState::Error: {
        const QString error = status.reason.isEmpty() ? tr("Error") : tr("Error: %1").arg(status.reason);
        if (status.retryAtMs == 0)
            return error;
        // A kiosk retries anyway. One arg() pass, so a "%2" in the server's reason stays as it is.
        const QString seconds = QString::number(secondsUntil(status.retryAtMs, nowMs));
        return tr("%1 \u00b7 retrying in %2 s").arg(error, seconds);
    }
    case ConnectionState::Finished: return tr("Replay finished");
    }
    return {};
}

QString ConnectionBadgeText::text(const ConnectionStatus &status, qint64 nowMs, qint64 dataAgeMs)
{
    QString result = stateText(status, nowMs);
    if (dataAgeMs > staleAfterMs)
        result += tr(" \u00b7 data %1 old").arg(ValueFormat::duration(dataAgeMs));
    return result;
}

} // namespace vantage
