#include "support/RawHttpGet.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTest>

namespace vantage::test {

namespace {
constexpr int kWaitMs = 10'000;
}

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().toLower() == name)
            return line.sliced(colon + 1).trimmed();
    }
    return {};
}

HttpReply httpGet(quint16 port, const QByteArray &target, const QByteArray &extraHeaders)
{
    HttpReply reply;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    if (!socket.waitForConnected(kWaitMs))
        return reply;
    socket.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n");
    QByteArray data;
    qsizetype bodyStart = -1;
    qsizetype length = -1;
    const bool complete = QTest::qWaitFor(
        [&] {
            data += socket.readAll();
            if (bodyStart < 0) {
                const qsizetype end = data.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                bodyStart = end + 4;
                reply.head = data.first(end);
                bool ok = false;
                length = reply.header("content-length").toLongLong(&ok);
                if (!ok)
                    length = -1;
            }
            return length >= 0 && data.size() - bodyStart >= length;
        },
        kWaitMs);
    if (!complete)
        return reply;
    reply.status = reply.head.split(' ').value(1).toInt();
    reply.body = data.sliced(bodyStart);
    return reply;
}

} // namespace vantage::test
