#pragma once

#include "feed/ReplayIndex.h"

#include <QByteArrayView>

namespace vantage {

// Follows an index build, on the indexer's thread, frame by frame: what a builder of seek points
// needs (models/ReplaySeekStateBuilder) to compute the dashboard's state at checkpoints while the
// file is read once for both.
class ReplayIndexObserver
{
public:
    virtual ~ReplayIndexObserver() = default;
    // A checkpoint, just before the frame on its line.
    virtual void onCheckpoint(const ReplayIndex::Checkpoint &checkpoint) = 0;
    // Each frame as the replay delivers it to the pipeline, in order, with its line: a bare line,
    // or a recorded line's frame. Frames that will not decode are included; lines the replay
    // skips before decoding (cut short, a corrupt recorded line) are not.
    virtual void onFrame(QByteArrayView frame, qint64 line) = 0;
    // The index so far is about to be published (complete once the file is read): publish what
    // goes with it.
    virtual void onPublish(const ReplayIndex &index) = 0;
};

} // namespace vantage
