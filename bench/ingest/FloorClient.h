#pragma once

#include <QObject>
#include <QWebSocket>

namespace vantage {

// The floor: a bare QWebSocket that counts the text frames it receives and drops them. Qt
// still decodes each frame from UTF-8 into a QString, as it does for the pipeline's source.
class FloorClient final : public QObject
{
    Q_OBJECT
public:
    explicit FloorClient(const QUrl &url, QObject *parent = nullptr);

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    quint64 frames() const { return m_frames; }
    void close() { m_socket.close(); }

private:
    QWebSocket m_socket;
    quint64 m_frames = 0;
};

} // namespace vantage
