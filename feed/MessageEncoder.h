#pragma once

#include "feed/Message.h"

#include <QByteArray>

namespace vantage {

// Writes one protocol-v1 JSON frame (docs/protocol.md), without a trailing newline, such that
// Decoder::decode() gives the message back. Absent values (NaN numbers, negative seq or counts,
// empty strings) are left out. LiveEvent::metadataJson is written verbatim, so it must hold a
// JSON value (as the decoder produces it); an empty one is left out.
QByteArray encodeMessage(const Message &message);

} // namespace vantage
