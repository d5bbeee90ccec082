#pragma once

#include <QString>

namespace vantage {

// Who acknowledged an alert, when and why: the operator's own, or one the server shared
// (docs/protocol.md, "alert_ack"), possibly from another operator.
struct AlertAck
{
    QString by;
    QString comment; // optional; plain text
    qint64 atMs = 0;
    bool shared = false; // the server has it (and every client sees it); false: kept in this window

    friend bool operator==(const AlertAck &, const AlertAck &) = default;
};

} // namespace vantage
