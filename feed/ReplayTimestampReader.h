#pragma once

#include <QByteArrayView>

#include <memory>
#include <optional>

namespace vantage {

// Reads only the top-level "ts" of a protocol frame, for pacing a replay: one reused simdjson
// On Demand parser that stops at that field, so the rest of the frame is not parsed twice.
class ReplayTimestampReader final
{
public:
    ReplayTimestampReader();
    ~ReplayTimestampReader();
    ReplayTimestampReader(const ReplayTimestampReader &) = delete;
    ReplayTimestampReader &operator=(const ReplayTimestampReader &) = delete;

    // The frame's time in ms since the epoch; nullopt when it has no readable RFC 3339 "ts".
    std::optional<qint64> read(QByteArrayView frame);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vantage
