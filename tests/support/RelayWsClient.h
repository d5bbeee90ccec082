#pragma once

#include "feed/Decoder.h"
#include "feed/Message.h"

#include <QDateTime>
#include <QTest>
#include <QWebSocket>

#include <vector>

namespace vantage::test {

// A WebSocket client of the relay that decodes every frame it receives.
class RelayWsClient
{
public:
    static constexpr int kWaitMs = 10'000;

    explicit RelayWsClient(const QUrl &url)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
            Message message;
            const QByteArray bytes = text.toUtf8();
            if (m_decoder.decode(bytes, QDateTime::currentMSecsSinceEpoch(), 0, message) == DecodeError::None)
                messages.push_back(std::move(message));
            else
                undecodable.push_back(bytes);
        });
        socket.open(url);
    }
    bool waitForMessages(size_t count)
    {
        return QTest::qWaitFor([&] { return messages.size() >= count; }, kWaitMs);
    }

    QWebSocket socket;
    std::vector<Message> messages;
    std::vector<QByteArray> undecodable;

private:
    Decoder m_decoder;
};

} // namespace vantage::test
