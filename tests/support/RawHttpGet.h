#pragma once

#include <QByteArray>

namespace vantage::test {

// The reply to one raw GET: status, the head as sent, the body.
struct HttpReply
{
    int status = 0; // 0 when no complete reply arrived in time
    QByteArray head;
    QByteArray body;

    // A response header by lower-case name; empty when absent.
    QByteArray header(const QByteArray &name) const;
};

// One GET to 127.0.0.1:port over a raw socket, read up to Content-Length (the server may
// keep the connection alive). extraHeaders: whole "Name: value\r\n" lines.
HttpReply httpGet(quint16 port, const QByteArray &target, const QByteArray &extraHeaders = {});

} // namespace vantage::test
