#pragma once

#include "feed/Clock.h"
#include "models/HourlyLoad.h"

#include <QObject>
#include <QString>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace vantage {

class ReplayIndexJob;

// Reads the load history of a recorded log or a live journal folder (docs/forecast.md) off the
// GUI thread: a ReplayIndexJob reads it as a replay does, and every frame goes through the
// pipeline's FrameIntake into an HourlyLoad. Its signals are emitted on the thread that owns the
// job; a started job ends with exactly one of finished() and failed(). Destroying it cancels a
// read under way and waits for its thread, and no signal follows.
class LoadHistoryJob final : public QObject
{
    Q_OBJECT
public:
    // `path`: a log file (.ndjson, .ndjson.gz) or a journal folder. Hours are those of `zone`.
    // `now` is the reading time the decoder gives a frame without a time of its own.
    explicit LoadHistoryJob(QString path, QObject *parent = nullptr,
                            QTimeZone zone = QTimeZone::systemTimeZone(), NowFn now = systemNowMs);
    ~LoadHistoryJob() override;

    // Starts reading; call once, on the job's thread.
    void start();
    const QString &path() const { return m_path; }

Q_SIGNALS:
    // Permille of the file read, rising.
    void progress(int permille);
    void finished(const vantage::HourlyLoad &history);
    // The log cannot be read at all; the message names it.
    void failed(const QString &error);

private:
    QString m_path;
    QTimeZone m_zone;
    NowFn m_now;
    // Written on the reading thread before it ends, read after it has (ReplayIndexJob waits for it).
    std::shared_ptr<std::optional<HourlyLoad>> m_result;
    std::unique_ptr<ReplayIndexJob> m_read;
};

} // namespace vantage
