#pragma once

#include "feed/DecodeError.h"
#include "feed/Message.h"

#include <QByteArrayView>

#include <memory>

namespace vantage {

// Turns one received frame (protocol v1 or an accepted seed shape, docs/protocol.md) into a
// Message. Not thread-safe: use one Decoder per thread. It reuses one simdjson parser and one
// padded buffer across calls, so steady-state decoding does not allocate beyond the Message.
class Decoder final
{
public:
    Decoder();
    ~Decoder();
    Decoder(const Decoder &) = delete;
    Decoder &operator=(const Decoder &) = delete;

    // Decodes one frame. On success it fills `out` and returns DecodeError::None; on failure
    // `out` is unspecified. tsShiftMs is added to the message time; a frame without a time
    // gets receivedMs (+ shift).
    DecodeError decode(QByteArrayView frame, qint64 receivedMs, qint64 tsShiftMs, Message &out);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vantage
