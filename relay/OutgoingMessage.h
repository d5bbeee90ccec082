#pragma once

#include <QByteArray>
#include <QString>

namespace vantage {

// One message on its way to the clients, in each transport's form of its encoded frame
// (feed/MessageEncoder). A broadcast builds each form once and shares it among all clients,
// and only if a client of that transport is connected.
struct OutgoingMessage
{
    QString text;        // the WebSocket text frame
    QByteArray sseEvent; // "id: E:SEQ\ndata: JSON\n\n" (no id line for unsequenced messages)
};

} // namespace vantage
