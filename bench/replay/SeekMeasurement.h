#pragma once

#include "LogMeasurement.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace vantage {

// One seek of a seek run.
struct SeekSample
{
    qint64 targetMs = 0;
    double share = 0;    // of the log's span: (target - first time) / (last time - first time)
    qint64 fromLine = 0; // the checkpoint's line it resumed reading at
    double ms = 0;       // from ReplaySource::seek until the dashboard showed the target
    qint64 frames = 0;   // delivered by the source for the seek
    qint64 lines = 0;    // read by the source for the seek
};

// A seek run (`replay_e2e --measure seek`), measured in a child of the driver and printed as one
// JSON line: the index with its seek points, then seeks in a replay of the same process.
struct SeekMeasurement
{
    LogMeasurement index; // the index with seek points, as the window's job builds it
    qint64 seekPoints = -1;
    qint64 bytesKept = -1;         // the points' aggregates (ReplaySeekStateBuilder::bytesKept)
    qint64 everyFrames = -1;       // frames between points at the end (ReplaySeekStateBuilder::everyFrames)
    double indexRssMb = -1;        // this process's peak RSS once the index was built
    std::vector<SeekSample> seeks; // in the order they were made
    double seeksRssMb = -1;        // this process's peak RSS after every seek
    QString error;                 // non-empty: no measurement, and why

    QByteArray toJsonLine() const;
    // The last non-empty line of a child's output; error set when there is none to read.
    static SeekMeasurement fromOutput(const QByteArray &output);
};

} // namespace vantage
