#pragma once

#include "feed/FrameSource.h"
#include "feed/ReplayLineReader.h"
#include "feed/ReplayOptions.h"
#include "feed/ReplayTimestampReader.h"

#include <memory>
#include <optional>

class QFile;
class QTimer;

namespace vantage {

// Plays an NDJSON log as a frame source, on the worker thread. The file is read line by
// line; each frame is due at passStart + (ts - firstTs) / speed, and one timer sleeps until
// the next due frame. Frames without a readable "ts" go out as soon as they are reached.
class ReplaySource final : public FrameSource
{
    Q_OBJECT
public:
    explicit ReplaySource(ReplayOptions options, QObject *parent = nullptr);
    ~ReplaySource() override;

    void start() override;
    void stop() override;

    quint64 framesDelivered() const { return m_framesDelivered; }
    // Passes started over the file: 1 during the first, 2 after the first loop, ...
    int passes() const { return m_passes; }
    const ConnectionStatus &status() const { return m_status; }

private:
    void pump();
    // Makes the next frame pending; false when the replay ended (finished, error).
    bool readNextFrame();
    void beginPass();
    void closeFile();
    void fail(const QString &reason);
    void setStatus(ConnectionState state, const QString &reason = {});

    ReplayOptions m_options;
    QTimer *m_timer;
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<ReplayLineReader> m_reader;
    ReplayTimestampReader m_timestamps;
    ConnectionStatus m_status;
    bool m_running = false;

    // The frame read but not yet delivered (a view into the line reader's buffer).
    bool m_hasPending = false;
    QByteArrayView m_pending;
    qint64 m_pendingDueMs = 0;

    std::optional<qint64> m_firstTsMs; // of the current pass
    qint64 m_passStartMs = 0;
    qint64 m_shiftMs = 0;
    qint64 m_passPreRollMs = 0; // log time delivered at once at the start of this pass
    quint64 m_framesThisPass = 0;
    quint64 m_framesDelivered = 0;
    int m_passes = 0;
};

} // namespace vantage
