// libFuzzer target for SseParser. The input is the raw event stream. It is parsed whole, split
// into chunks at sizes drawn from a generator seeded by the input, and one byte at a time; the
// three must agree exactly (events, retries, oversized count, last event ID), and fed whole
// they must agree with a line-by-line transcription of the WHATWG rules below. A second round
// uses a small maxEventBytes, also derived from the input, so the oversized path is explored,
// and a third feeds the stream twice with a reset() between.

#include "feed/SseParser.h"

#include <QByteArray>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

using vantage::SseEvent;
using vantage::SseParser;

namespace {

struct Outcome
{
    std::vector<SseEvent> events;
    std::vector<qint64> retries;
    quint64 oversizedCalls = 0;
    quint64 oversizedEvents = 0;
    QByteArray lastEventId;

    friend bool operator==(const Outcome &, const Outcome &) = default;
};

// FNV-1a: a stable seed, so a crashing input reproduces with the same splits.
quint64 hashOf(std::string_view bytes)
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

quint64 splitMix(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

enum class Split { Whole, Random, Bytewise };

// One parser and everything it reported.
class Run
{
public:
    explicit Run(qsizetype maxEventBytes)
        : m_parser([this](const SseEvent &e) { m_out.events.push_back(e); },
                   [this](qint64 ms) { m_out.retries.push_back(ms); }, [this] { ++m_out.oversizedCalls; })
    {
        m_parser.setMaxEventBytes(maxEventBytes);
    }
    Run(const Run &) = delete;
    Run &operator=(const Run &) = delete;

    SseParser &parser() { return m_parser; }

    void feed(std::string_view stream, Split split)
    {
        quint64 state = hashOf(stream);
        size_t pos = 0;
        while (pos < stream.size()) {
            size_t n = stream.size() - pos;
            if (split == Split::Bytewise) {
                n = 1;
            } else if (split == Split::Random) {
                // Mostly tiny chunks (0..3 bytes, empty ones included), sometimes longer runs.
                const quint64 r = splitMix(state);
                n = std::min<size_t>(n, (r & 3) == 0 ? 1 + (r >> 8) % 64 : (r >> 8) % 4);
            }
            m_parser.feed(QByteArrayView(stream.data() + pos, qsizetype(n)));
            pos += n;
        }
    }

    // What was reported since the previous call.
    Outcome take()
    {
        Outcome out = std::move(m_out);
        m_out = {};
        out.oversizedEvents = m_parser.oversizedEvents() - m_oversizedTaken;
        m_oversizedTaken = m_parser.oversizedEvents();
        out.lastEventId = m_parser.lastEventId();
        return out;
    }

private:
    Outcome m_out;
    SseParser m_parser;
    quint64 m_oversizedTaken = 0;
};

Outcome parse(std::string_view stream, qsizetype maxEventBytes, Split split)
{
    Run run(maxEventBytes);
    run.feed(stream, split);
    return run.take();
}

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

// The spec's algorithm over the complete stream, line by line, without a size limit.
Outcome reference(std::string_view stream)
{
    Outcome out;
    if (stream.starts_with("\xEF\xBB\xBF"))
        stream.remove_prefix(3);
    QByteArray data;
    QByteArray type;
    QByteArray idBuffer; // the last event ID buffer; out.lastEventId is its value at the last blank line
    size_t pos = 0;
    for (;;) {
        const size_t eol = stream.find_first_of("\r\n", pos);
        if (eol == std::string_view::npos)
            break; // an unterminated final line is never processed
        const std::string_view line = stream.substr(pos, eol - pos);
        pos = eol + 1;
        if (stream[eol] == '\r' && pos < stream.size() && stream[pos] == '\n')
            ++pos;

        if (line.empty()) {
            out.lastEventId = idBuffer;
            if (!data.isEmpty()) {
                data.chop(1);
                SseEvent e;
                if (!type.isEmpty())
                    e.type = type;
                e.data = data;
                e.lastEventId = out.lastEventId;
                out.events.push_back(e);
            }
            data.clear();
            type.clear();
            continue;
        }
        if (line.front() == ':')
            continue;
        const size_t colon = line.find(':');
        const std::string_view name = line.substr(0, colon);
        std::string_view value =
            colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
        if (value.starts_with(' '))
            value.remove_prefix(1);

        if (name == "event") {
            type = bytes(value);
        } else if (name == "data") {
            data += bytes(value);
            data += '\n';
        } else if (name == "id") {
            if (value.find('\0') == std::string_view::npos)
                idBuffer = bytes(value);
        } else if (name == "retry" && !value.empty() &&
                   value.find_first_not_of("0123456789") == std::string_view::npos) {
            constexpr qint64 kMax = std::numeric_limits<qint64>::max();
            qint64 ms = 0;
            for (const char c : value)
                ms = ms > (kMax - (c - '0')) / 10 ? kMax : ms * 10 + (c - '0');
            out.retries.push_back(ms);
        }
    }
    return out;
}

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

void checkChunkingInvariance(std::string_view stream, qsizetype maxEventBytes)
{
    const Outcome whole = parse(stream, maxEventBytes, Split::Whole);
    check(parse(stream, maxEventBytes, Split::Random) == whole);
    check(parse(stream, maxEventBytes, Split::Bytewise) == whole);
    check(whole.oversizedCalls == whole.oversizedEvents);
    // Every kept line fit the limit, so a type set by an "event" line does too.
    for (const SseEvent &e : whole.events)
        check(e.data.size() < maxEventBytes && (e.type.size() <= maxEventBytes || e.type == SseEvent().type));
    // Below the limit nothing is discarded, so the parser must match the plain transcription.
    if (whole.oversizedEvents == 0)
        check(whole == reference(stream));
}

// reset() leaves nothing behind but the last event ID: after a prefix of the stream and a
// reset, the whole stream gives what a fresh parser seeded with that ID gives, whatever state
// the prefix ended in.
void checkReset(std::string_view stream, qsizetype maxEventBytes)
{
    Run reused(maxEventBytes);
    reused.feed(stream.substr(0, hashOf(stream) % (stream.size() + 1)), Split::Random);
    reused.parser().reset();
    const QByteArray carriedId = reused.parser().lastEventId();
    reused.take();
    reused.feed(stream, Split::Random);

    Run fresh(maxEventBytes);
    fresh.parser().setLastEventId(carriedId);
    fresh.feed(stream, Split::Whole);
    check(reused.take() == fresh.take());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view stream(reinterpret_cast<const char *>(data), size);
    const qsizetype smallLimit = qsizetype(1 + hashOf(stream) % 48);
    checkChunkingInvariance(stream, SseParser::kDefaultMaxEventBytes);
    checkChunkingInvariance(stream, smallLimit);
    checkReset(stream, smallLimit);
    return 0;
}
