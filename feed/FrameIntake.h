#pragma once

#include "feed/DecodeError.h"
#include "feed/Decoder.h"
#include "feed/FeedStats.h"
#include "feed/Message.h"
#include "feed/ReceivedFrame.h"
#include "feed/Sequencer.h"

namespace vantage {

// What every received frame goes through before it reaches the models: decoding, the clamp of a
// time far in the future, and the sequencer. Shared by the pipeline and by the builder of a
// replay's seek points (models/ReplaySeekStateBuilder), so both arrive at the same messages.
class FrameIntake final
{
public:
    enum class Outcome {
        Accepted,  // `out` holds the message to apply
        Rejected,  // the frame did not decode: error() says why
        Duplicate, // the sequencer dropped it
    };

    // Counts into `stats` as the pipeline shows them: decoded messages, types are left to the caller.
    Outcome take(const ReceivedFrame &frame, FeedStats &stats, Message &out);
    DecodeError error() const { return m_error; }

    // The stream starts over (a replay pass): numbering restarts.
    void restart() { m_sequencer.restart(); }
    // Numbering as it stood at a replay checkpoint, before a seek resumes reading there.
    void restoreSequence(const QString &epoch, qint64 lastSeq) { m_sequencer.restore(epoch, lastSeq); }
    const Sequencer &sequencer() const { return m_sequencer; }

private:
    Decoder m_decoder;
    Sequencer m_sequencer;
    DecodeError m_error = DecodeError::None;
};

} // namespace vantage
