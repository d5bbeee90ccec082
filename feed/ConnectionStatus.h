#pragma once

#include "feed/BreakerState.h"

#include <QMetaType>
#include <QString>

namespace vantage {

enum class ConnectionState : quint8 {
    Idle,         // not started
    Connecting,   // first attempt or an attempt in progress
    Live,         // frames are flowing
    Reconnecting, // waiting for the next attempt (retryAtMs says when)
    Offline,      // retry limit reached: probing slowly (retryAtMs says when)
    Error,        // a reason retrying does not fix by itself (reason says which); tried again only
                  // when retryAtMs is set (a wall's errorRetryMs)
    Finished,     // a finite source (replay without loop) reached its end
};

QLatin1String connectionStateName(ConnectionState state);

struct ConnectionStatus
{
    ConnectionState state = ConnectionState::Idle;
    QString transport;   // "websocket", "sse", "polling", "replay", "demo"
    QString reason;      // why the last attempt failed, plain text, never a credential
    qint64 retryAtMs = 0; // when the next attempt is due (Reconnecting, Offline; Error when retried)
    int attempt = 0;     // failed attempts in a row
    qint64 sinceMs = 0;  // when this state was entered
    BreakerState breaker = BreakerState::Closed;
    // The server (or a proxy in between) answered but refused this transport, e.g. an HTTP
    // status instead of a WebSocket upgrade: a fallback transport should be tried at once.
    bool transportRefused = false;
    // A replay the operator paused: Live, but nothing flows until it resumes.
    bool paused = false;
};

} // namespace vantage

Q_DECLARE_METATYPE(vantage::ConnectionStatus)
