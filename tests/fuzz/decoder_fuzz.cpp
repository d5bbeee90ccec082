// libFuzzer target for Decoder: any received frame must decode or be rejected with a
// DecodeError, never crash or trip ASan/UBSan. Each input is decoded twice by one Decoder,
// as production reuses a decoder across frames, with a second time shift so the time
// arithmetic sees more than one offset.

#include "feed/Decoder.h"

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

namespace {

constexpr qint64 kReceivedMs = 1'800'000'000'000;
constexpr qint64 kReplayShiftMs = -3LL * 24 * 60 * 60 * 1000; // a replayed log moved three days

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView frame(data, qsizetype(size));
    vantage::Decoder decoder;
    vantage::Message message;
    decoder.decode(frame, kReceivedMs, 0, message);
    decoder.decode(frame, kReceivedMs, kReplayShiftMs, message);
    return 0;
}
