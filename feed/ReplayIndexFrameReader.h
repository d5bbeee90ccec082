#pragma once

#include "feed/ReplayIndex.h"

#include <QByteArrayView>

#include <memory>
#include <optional>

namespace vantage {

// Reads the few envelope fields a replay index needs from a frame ("v", "type", "ts" and an
// alert's severity), with one reused simdjson On Demand parser that visits nothing else: about a
// tenth of the cost of Decoder::decode, which checks every value and builds the Message's strings
// (docs/replay-index.md, "Cost").
class ReplayIndexFrameReader final
{
public:
    struct Summary
    {
        std::optional<qint64> timeMs; // the RFC 3339 "ts", when readable
        std::optional<ReplayIndex::AlertChange> alert;
        Severity severity = Severity::Warning; // of a raised alert; Info for a resolution
    };

    ReplayIndexFrameReader();
    ~ReplayIndexFrameReader();
    ReplayIndexFrameReader(const ReplayIndexFrameReader &) = delete;
    ReplayIndexFrameReader &operator=(const ReplayIndexFrameReader &) = delete;

    // False when the frame is no protocol frame, as the decoder would find at the envelope: not
    // JSON, not an object, a "v" other than 1, or no "type" string. Alerts are recognised by the
    // same kinds as the decoder's (v1 "alert"/"alert_resolved", seed "system_alert").
    bool read(QByteArrayView frame, Summary &out);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vantage
