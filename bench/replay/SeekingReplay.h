#pragma once

#include "SeekIndexing.h"

#include "feed/FeedPipeline.h"
#include "models/DashboardModels.h"
#include "models/ReplaySeeker.h"

#include <QString>

#include <memory>

namespace vantage {

class ReplaySource;

// A replay as the window plays a log it has indexed, on this thread: ReplaySource and FeedPipeline
// (the app's flush interval) feed a DashboardModels, and ReplaySeeker restores a seek point's state
// before the batch of a seek is applied. Started paused, as tests/replay_seek_test.cpp does.
class SeekingReplay
{
public:
    struct Seek
    {
        double ms = 0;       // from ReplaySource::seek until the dashboard's stats show the target
        qint64 frames = 0;   // delivered by the source for the seek
        qint64 lines = 0;    // read by the source for the seek
        qint64 fromLine = 0; // the checkpoint's line it resumed reading at
        QString problem;     // non-empty: the seek did not arrive, and why
    };

    SeekingReplay(const QString &path, const SeekIndex &indexed, qsizetype feedCapacity);
    ~SeekingReplay();
    SeekingReplay(const SeekingReplay &) = delete;
    SeekingReplay &operator=(const SeekingReplay &) = delete;

    // Seeks to `targetMs` of log time and runs the event loop until the batch of the seek has been
    // applied and the dashboard's replay.playback.logTimeMs is the target, for at most timeoutMs.
    Seek seekTo(qint64 targetMs, int timeoutMs);

private:
    DashboardModels m_models;
    ReplaySeeker m_seeker{&m_models};
    ReplaySource *m_source = nullptr; // owned by the pipeline
    std::unique_ptr<FeedPipeline> m_pipeline;
    quint64 m_appliedToken = 0; // of the last batch applied that carried a seek token
};

} // namespace vantage
