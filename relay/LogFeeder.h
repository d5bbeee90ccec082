#pragma once

#include "feed/Decoder.h"
#include "feed/Message.h"
#include "feed/ReplayLineReader.h"
#include "relay/LogFeederOptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QFile;
class QTimer;

namespace vantage {

class RelayServer;

// Publishes a recorded log to a RelayServer: at a fixed rate, or at the recorded pace times a
// speed factor with every time shifted so the pass starts now. The file is streamed line by
// line, never loaded whole. Connection-level lines (hello, ping, pong) are skipped, and so
// are lines that do not decode; both are counted, neither stops the feed.
class LogFeeder final : public QObject
{
    Q_OBJECT
public:
    LogFeeder(LogFeederOptions options, RelayServer *server, QObject *parent = nullptr);
    ~LogFeeder() override;

    // Opens the log and starts publishing from the event loop; false with *error if it cannot.
    bool start(QString *error);
    void stop();
    bool isRunning() const;

    quint64 published() const { return m_published; }
    quint64 undecodable() const { return m_undecodable; }
    quint64 ignored() const { return m_ignored; } // hello, ping and pong lines
    // Ticks that published nothing because a client was behind (options.backpressureBytes).
    quint64 pauses() const { return m_pauses; }
    // Passes started over the file: 1 during the first, 2 after the first loop, ...
    int passes() const { return m_passes; }

Q_SIGNALS:
    // The end of the log was reached without loop.
    void finished();
    // The log could not be read on; publishing stopped.
    void failed(const QString &reason);

private:
    void tick();
    void tickAtRate();
    void tickAtRecordedPace();
    // Makes the next publishable line pending; false when the feed ended (finished or failed).
    bool readNext();
    bool rewind();
    void publishPending(qint64 tsMs);

    LogFeederOptions m_options;
    QPointer<RelayServer> m_server;
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<ReplayLineReader> m_reader;
    Decoder m_decoder;
    QTimer *m_timer;
    QElapsedTimer m_clock;

    Message m_pending;
    bool m_hasPending = false;
    quint64 m_publishedThisPass = 0;

    // Fixed rate: messages owed since m_rateStartMs (monotonic).
    qint64 m_rateStartMs = 0;
    quint64 m_rateSent = 0;

    // Recorded pace: the pass's first message time and when (monotonic) the pass started.
    std::optional<qint64> m_firstTsMs;
    qint64 m_passStartMs = 0;
    qint64 m_shiftMs = 0;  // added to the recorded times: the first one becomes "now"
    qint64 m_lastTsMs = 0; // a line without a time goes out with the line before it

    quint64 m_published = 0;
    quint64 m_undecodable = 0;
    quint64 m_ignored = 0;
    quint64 m_pauses = 0;
    quint64 m_lineNumber = 0;
    int m_passes = 0;
};

} // namespace vantage
