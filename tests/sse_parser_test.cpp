#include "feed/SseParser.h"

#include <QByteArray>

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

using namespace std::string_literals;
using namespace std::string_view_literals;
using vantage::SseEvent;
using vantage::SseParser;

namespace {

// Control bytes and non-ASCII shown escaped, so a failing vector shows its CRs, NULs and BOM.
void printEscaped(const QByteArray &bytes, std::ostream *os)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    *os << '"';
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\r')
            *os << "\\r";
        else if (c == '\n')
            *os << "\\n";
        else if (c == '"' || c == '\\')
            *os << '\\' << c;
        else if (byte < 0x20 || byte >= 0x7F)
            *os << "\\x" << kHex[byte >> 4] << kHex[byte & 0xF];
        else
            *os << c;
    }
    *os << '"';
}

} // namespace

namespace vantage {

void PrintTo(const SseEvent &e, std::ostream *os)
{
    *os << "{type ";
    printEscaped(e.type, os);
    *os << ", data ";
    printEscaped(e.data, os);
    *os << ", id ";
    printEscaped(e.lastEventId, os);
    *os << '}';
}

} // namespace vantage

namespace {

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

SseEvent event(std::string_view type, std::string_view data, std::string_view id = {})
{
    SseEvent e;
    e.type = bytes(type);
    e.data = bytes(data);
    e.lastEventId = bytes(id);
    return e;
}

SseEvent message(std::string_view data, std::string_view id = {})
{
    return event("message", data, id);
}

// Everything the parser reports for one stream.
struct Outcome
{
    std::vector<SseEvent> events;
    std::vector<qint64> retries;
    int oversizedCalls = 0;
    quint64 oversizedEvents = 0;
    QByteArray lastEventId;

    friend bool operator==(const Outcome &, const Outcome &) = default;
};

void PrintTo(const Outcome &outcome, std::ostream *os)
{
    *os << "events [";
    for (const SseEvent &e : outcome.events) {
        *os << "\n  ";
        PrintTo(e, os);
    }
    *os << "]\nretries [";
    for (const qint64 ms : outcome.retries)
        *os << ' ' << ms;
    *os << " ]\noversized calls " << outcome.oversizedCalls << ", counter " << outcome.oversizedEvents
        << "\nlast event id ";
    printEscaped(outcome.lastEventId, os);
}

Outcome parseChunks(const std::vector<std::string_view> &chunks, qsizetype maxEventBytes)
{
    Outcome outcome;
    SseParser parser([&](const SseEvent &e) { outcome.events.push_back(e); },
                     [&](qint64 ms) { outcome.retries.push_back(ms); }, [&] { ++outcome.oversizedCalls; });
    parser.setMaxEventBytes(maxEventBytes);
    for (const std::string_view chunk : chunks)
        parser.feed(QByteArrayView(chunk.data(), qsizetype(chunk.size())));
    outcome.oversizedEvents = parser.oversizedEvents();
    outcome.lastEventId = parser.lastEventId();
    return outcome;
}

struct Vector
{
    std::string name;
    std::string stream;
    std::vector<SseEvent> events;
    std::vector<qint64> retries = {};
    std::string lastEventId = {};
    qsizetype maxEventBytes = SseParser::kDefaultMaxEventBytes;
    int oversized = 0;

    Outcome expected() const
    {
        return Outcome{events, retries, oversized, quint64(oversized), bytes(lastEventId)};
    }
};

void PrintTo(const Vector &vector, std::ostream *os)
{
    *os << vector.name << ' ';
    printEscaped(bytes(vector.stream), os);
}

constexpr qint64 kMaxRetry = std::numeric_limits<qint64>::max();

// The example stream of seed 003 (a workspace analytics endpoint), event for event.
// clang-format off
constexpr std::string_view kSeed003 =
    "event: connected\n"
    R"(data: {"connectionId":"conn_1234567890_abc123","workspaceId":"...","timestamp":"..."})" "\n"
    "\n"
    "event: stats\n"
    R"(data: {"activeUsers":42,"onlineUsers":15,"messagesToday":380,...})" "\n"
    "\n"
    "event: ping\n"
    R"(data: {"timestamp":1234567890})" "\n"
    "\n"
    "event: event\n"
    R"(data: {"eventType":"message.sent","userId":"...","timestamp":"..."})" "\n"
    "\n";
// clang-format on

std::vector<SseEvent> seed003Events()
{
    return {
        event("connected",
              R"({"connectionId":"conn_1234567890_abc123","workspaceId":"...","timestamp":"..."})"),
        event("stats", R"({"activeUsers":42,"onlineUsers":15,"messagesToday":380,...})"),
        event("ping", R"({"timestamp":1234567890})"),
        event("event", R"({"eventType":"message.sent","userId":"...","timestamp":"..."})"),
    };
}

std::string withCrLf(std::string_view lfStream)
{
    std::string out;
    for (const char c : lfStream) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

// The conformance table. Streams are std::string so they can hold NULs; a hex escape is
// always closed by a string break ("\xBF" "data") so it cannot swallow the next letter.
// clang-format would put each such piece on a line of its own.
// clang-format off
std::vector<Vector> conformanceVectors()
{
    std::vector<Vector> v;

    // Byte order mark
    v.push_back({"BomSkipped", "\xEF\xBB\xBF" "data: a\n\n", {message("a")}});
    v.push_back({"BomAloneIsEmptyStream", "\xEF\xBB\xBF", {}});
    v.push_back({"EmptyStream", "", {}});
    v.push_back({"SecondBomIsPartOfFirstFieldName",
                 "\xEF\xBB\xBF\xEF\xBB\xBF" "data: a\n\ndata: b\n\n", {message("b")}});
    v.push_back({"BomOnlyAtStreamStart", "data: a\n\n\xEF\xBB\xBF" "data: b\n\n", {message("a")}});
    v.push_back({"BomBytesInsideValueAreData", "data: \xEF\xBB\xBF\n\n", {message("\xEF\xBB\xBF")}});
    v.push_back({"PartialBomOneByteIsFieldText", "\xEF" "data: a\n\ndata: b\n\n", {message("b")}});
    v.push_back({"PartialBomTwoBytesIsFieldText", "\xEF\xBB" "data: a\n\ndata: b\n\n", {message("b")}});
    v.push_back({"PartialBomThenLineEnd", "\xEF\xBB\ndata: a\n\n", {message("a")}});
    v.push_back({"PartialBomThenBom", "\xEF\xBB\xEF\xBB\xBF" "data: a\n\ndata: b\n\n", {message("b")}});

    // Line ends
    v.push_back({"LfLineEnds", "data: a\n\ndata: b\n\n", {message("a"), message("b")}});
    v.push_back({"CrLineEnds", "data: a\r\rdata: b\r\r", {message("a"), message("b")}});
    v.push_back({"CrLfLineEnds", "data: a\r\n\r\ndata: b\r\n\r\n", {message("a"), message("b")}});
    v.push_back({"MixedLineEnds", "data: a\r\ndata: b\rdata: c\n\r\ndata: d\n\rdata: e\r\n\n",
                 {message("a\nb\nc"), message("d"), message("e")}});
    v.push_back({"CrCrLfIsTwoLineEnds", "data: a\r\r\ndata: b\r\n\r\n", {message("a"), message("b")}});
    v.push_back({"LfCrIsTwoLineEnds", "data: a\n\rdata: b\n\r", {message("a"), message("b")}});
    v.push_back({"CrInsideLineSplitsIt", "data: a\rb\n\n", {message("a")}});
    v.push_back({"CrAtEndOfStreamEndsTheBlankLine", "data: a\r\r", {message("a")}});
    v.push_back({"CrAtEndOfStreamEndsOnlyTheLine", "data: a\r", {}});
    v.push_back({"ExtraBlankLinesDispatchNothing", "\n\r\n\rdata: a\n\n\n\r\n\r", {message("a")}});

    // Comments
    v.push_back({"Comments", ":hello\ndata: a\n: more\n:\n\n", {message("a")}});
    v.push_back({"CommentOnlyEventDoesNotDispatch", ": keepalive\n\n:\n\n", {}});
    v.push_back({"CommentWithFieldLookingText", ":data: x\n\n", {}});

    // Field parsing
    v.push_back({"FieldWithoutColonHasEmptyValue", "data\n\n", {message("")}});
    v.push_back({"EventWithoutColonResetsType", "event: x\nevent\ndata: a\n\n", {message("a")}});
    v.push_back({"NoSpaceAfterColon", "data:a\n\n", {message("a")}});
    v.push_back({"OneSpaceStripped", "data: a\n\n", {message("a")}});
    v.push_back({"TwoSpacesKeepOne", "data:  a\n\n", {message(" a")}});
    v.push_back({"OnlySpaceIsStripped", "data:\ta\n\n", {message("\ta")}});
    v.push_back({"TrailingSpaceKept", "data: a \n\n", {message("a ")}});
    v.push_back({"ValueKeepsLaterColons", "data: a:b: c\n\n", {message("a:b: c")}});
    v.push_back({"FieldNamesAreCaseSensitive", "Data: a\nDATA: b\n\n", {}});
    v.push_back({"SpaceBeforeColonIsPartOfName", "data : a\n\n", {}});
    v.push_back({"UnknownFieldsIgnored", "foo: bar\ndata: a\nbar\nx:y\n\n", {message("a")}});
    v.push_back({"NulAndUtf8InDataKept", "data: a\0b \xC3\xA9\xE2\x82\xAC\n\n"s,
                 {message("a\0b \xC3\xA9\xE2\x82\xAC"sv)}});

    // Data
    v.push_back({"MultiLineData", "data: a\ndata: b\ndata:c\n\n", {message("a\nb\nc")}});
    v.push_back({"EmptyDataLinesAddEmptyLines", "data\ndata:\ndata: \ndata: x\n\n", {message("\n\n\nx")}});
    v.push_back({"SingleEmptyDataLineDispatchesEmptyData", "data:\n\n", {message("")}});
    v.push_back({"TwoEmptyDataLines", "data\ndata\n\n", {message("\n")}});
    v.push_back({"DataAfterTrailingNewlineKept", "data: a\ndata:\n\n", {message("a\n")}});

    // Event type
    v.push_back({"EventTypeSet", "event: add\ndata: 1\n\n", {event("add", "1")}});
    v.push_back({"EventTypeResetAfterDispatch", "event: add\ndata: 1\n\ndata: 2\n\n",
                 {event("add", "1"), message("2")}});
    v.push_back({"EventTypeResetByBlankLineWithoutData", "event: add\n\ndata: 2\n\n", {message("2")}});
    v.push_back({"LastEventFieldWins", "event: a\nevent: b\ndata: x\n\n", {event("b", "x")}});
    v.push_back({"EmptyEventTypeMeansMessage", "event:\ndata: x\n\n", {message("x")}});
    v.push_back({"EventTypeAfterData", "data: x\nevent: late\n\n", {event("late", "x")}});

    // Last event ID
    v.push_back({"IdPersistsAcrossEvents", "id: 1\ndata: a\n\ndata: b\n\n",
                 {message("a", "1"), message("b", "1")}, {}, "1"});
    v.push_back({"IdSetByEventWithoutData", "id: 7\n\ndata: x\n\n", {message("x", "7")}, {}, "7"});
    v.push_back({"IdAfterDataInSameEvent", "data: x\nid: 9\n\n", {message("x", "9")}, {}, "9"});
    v.push_back({"IdWithNulIgnored", "id: 1\n\nid: a\0b\ndata: x\n\n"s, {message("x", "1")}, {}, "1"});
    v.push_back({"IdWithTrailingNulIgnored", "id: 1\ndata: x\nid: 2\0\n\n"s, {message("x", "1")}, {}, "1"});
    v.push_back({"IdEmptyValueResets", "id: 1\ndata: a\n\nid\ndata: b\n\nid: 2\n\nid:\ndata: c\n\n",
                 {message("a", "1"), message("b"), message("c")}});
    v.push_back({"IdKeepsSpacesAfterTheFirst", "id:  x \ndata: a\n\n", {message("a", " x ")}, {}, " x "});
    v.push_back({"IdOfUnterminatedLineNotApplied", "id: 1\ndata: a\n\nid: 2", {message("a", "1")}, {}, "1"});

    // Retry
    v.push_back({"RetryDigits", "retry: 1000\nretry:2000\nretry: 0\nretry: 0050\n", {}, {1000, 2000, 0, 50}});
    v.push_back({"RetryNonDigitsIgnored",
                 "retry: 12a\nretry:  1000\nretry: -1\nretry: +5\nretry: 1.5\nretry: 1e3\n"
                 "retry:\nretry\nretry: 7 \n",
                 {}});
    v.push_back({"RetryDoesNotDispatch", "retry: 10\ndata: x\n\n", {message("x")}, {10}});
    v.push_back({"RetryOverflowClamped",
                 "retry: 9223372036854775806\nretry: 9223372036854775807\nretry: 9223372036854775808\n"
                 "retry: 99999999999999999999999999999999\n",
                 {}, {kMaxRetry - 1, kMaxRetry, kMaxRetry, kMaxRetry}});
    v.push_back({"RetryOfUnterminatedLineNotApplied", "retry: 5\nretry: 6", {}, {5}});

    // Dispatch and end of stream
    v.push_back({"BlankLinesWithoutDataDoNotDispatch", "\n\n\nevent: x\n\nid\n\n", {}});
    v.push_back({"UnterminatedFinalEventNotDispatched", "data: a\n\ndata: b\n", {message("a")}});
    v.push_back({"UnterminatedFinalLineNotDispatched", "data: a\n\ndata: b", {message("a")}});
    v.push_back({"Seed003Stream", std::string(kSeed003), seed003Events()});
    v.push_back({"Seed003StreamCrLfWithBom", "\xEF\xBB\xBF" + withCrLf(kSeed003), seed003Events()});

    // Oversized events, with a 16-byte limit on lines and on the data buffer.
    constexpr qsizetype kSmall = 16;
    v.push_back({"LineAtLimitAccepted", "data: 0123456789\n\n", {message("0123456789")}, {}, {}, kSmall});
    v.push_back({"DataAtLimitAccepted", "data:0123456\ndata:0123456\n\n",
                 {message("0123456\n0123456")}, {}, {}, kSmall});
    v.push_back({"LongLineDiscardsEvent", "data: 0123456789A\n\ndata: ok\n\n",
                 {message("ok")}, {}, {}, kSmall, 1});
    v.push_back({"LongDataDiscardsEventUpToBlankLine",
                 "data: 0123456\ndata: 0123456\ndata: x\nid: 9\nretry: 5\nevent: big\n\ndata: after\n\n",
                 {message("after")}, {}, {}, kSmall, 1});
    v.push_back({"FieldsBeforeOversizeApply",
                 "id: 1\nretry: 3\ndata: 0123456789ABCDEFG\nid: 2\n\ndata: b\n\n",
                 {message("b", "1")}, {3}, "1", kSmall, 1});
    v.push_back({"OversizedOncePerEvent",
                 "data: 0123456789ABCDEFG\r\ndata: 0123456789ABCDEFG\r\n\r\ndata: c\r\n\r\n"
                 ":0123456789ABCDEFGH\r\n\r\ndata: d\r\r",
                 {message("c"), message("d")}, {}, {}, kSmall, 2});
    v.push_back({"OversizedUnterminatedAtEnd", "data: ok\n\ndata: 0123456789ABCDEFGHIJ",
                 {message("ok")}, {}, {}, kSmall, 1});
    v.push_back({"OversizedThenEndOfStream", "data: 0123456789ABCDEFGHIJ\ndata: x\n", {}, {}, {}, kSmall, 1});
    v.push_back({"OversizedDiscardEndsOnlyAtBlankLine",
                 "data: 0123456789ABCDEFGHIJ\rdata: x\r\rdata: y\n\n", {message("y")}, {}, {}, kSmall, 1});
    v.push_back({"OversizedFirstLineAfterPartialBom", "\xEF\xBB" "0123456789ABCDE\n\ndata: z\n\n",
                 {message("z")}, {}, {}, kSmall, 1});

    return v;
}
// clang-format on

std::string vectorName(const testing::TestParamInfo<Vector> &info)
{
    return info.param.name;
}

class SseConformance : public testing::TestWithParam<Vector>
{
};

TEST_P(SseConformance, FedWhole)
{
    const Vector &vector = GetParam();
    EXPECT_EQ(parseChunks({vector.stream}, vector.maxEventBytes), vector.expected());
}

TEST_P(SseConformance, SplitInTwoAtEveryOffset)
{
    const Vector &vector = GetParam();
    const std::string_view stream = vector.stream;
    const Outcome expected = vector.expected();
    for (size_t offset = 0; offset <= stream.size(); ++offset) {
        ASSERT_EQ(parseChunks({stream.substr(0, offset), stream.substr(offset)}, vector.maxEventBytes),
                  expected)
            << "split at byte " << offset;
    }
}

TEST_P(SseConformance, FedOneByteAtATime)
{
    const Vector &vector = GetParam();
    const std::string_view stream = vector.stream;
    std::vector<std::string_view> chunks;
    for (size_t i = 0; i < stream.size(); ++i)
        chunks.push_back(stream.substr(i, 1));
    EXPECT_EQ(parseChunks(chunks, vector.maxEventBytes), vector.expected());
}

INSTANTIATE_TEST_SUITE_P(Whatwg, SseConformance, testing::ValuesIn(conformanceVectors()), vectorName);

TEST(SseParser, ResetDropsPartialEventAllowsNewBomAndKeepsLastEventId)
{
    std::vector<SseEvent> events;
    SseParser parser([&](const SseEvent &e) { events.push_back(e); });
    parser.feed("\xEF\xBB\xBF"
                "id: 4\ndata: done\n\n"
                "id: 5\nevent: old\ndata: partial\ndata: abc");
    EXPECT_EQ(parser.lastEventId(), QByteArrayLiteral("4")) << "event 5 has not been completed";
    parser.reset();
    EXPECT_EQ(parser.lastEventId(), QByteArrayLiteral("4"))
        << "the id of an event cut off by the drop must not count as received";

    // Neither the id, the type, the data nor the partial line of the dropped event leaks into this one.
    parser.feed("\xEF\xBB\xBF"
                "data: new\n\n");
    EXPECT_EQ(events, (std::vector<SseEvent>{message("done", "4"), message("new", "4")}));
}

TEST(SseParser, LastEventIdIsCommittedAtTheBlankLineEvenWithoutData)
{
    SseParser parser([](const SseEvent &) {});
    parser.feed("id: 7\n");
    EXPECT_TRUE(parser.lastEventId().isEmpty());
    parser.feed("\n");
    EXPECT_EQ(parser.lastEventId(), QByteArrayLiteral("7"));
}

TEST(SseParser, ResetDropsAPartialBom)
{
    std::vector<SseEvent> events;
    SseParser parser([&](const SseEvent &e) { events.push_back(e); });
    parser.feed("\xEF\xBB");
    parser.reset();
    // Without the reset this would complete the BOM; after it, 0xBF starts an unknown field.
    parser.feed("\xBF"
                "data: x\n\ndata: y\n\n");
    EXPECT_EQ(events, std::vector<SseEvent>{message("y")});
}

TEST(SseParser, ResetDropsAPendingCr)
{
    std::vector<SseEvent> events;
    SseParser parser([&](const SseEvent &e) { events.push_back(e); });
    parser.feed("data: a\r");
    parser.reset();
    // A pending CR would swallow this LF as the end of a CRLF; after the reset it is a blank line.
    parser.feed("\n");
    parser.feed("data: b\n\n");
    EXPECT_EQ(events, std::vector<SseEvent>{message("b")});
}

TEST(SseParser, ResetEndsDiscardingAnOversizedEvent)
{
    std::vector<SseEvent> events;
    SseParser parser([&](const SseEvent &e) { events.push_back(e); });
    parser.setMaxEventBytes(8);
    parser.feed("data: 0123456789");
    parser.reset();
    parser.feed("data: x\n\n");
    EXPECT_EQ(events, std::vector<SseEvent>{message("x")});
    EXPECT_EQ(parser.oversizedEvents(), 1u);
}

TEST(SseParser, ResetFromTheEventCallbackDropsTheRestOfTheChunk)
{
    std::vector<SseEvent> events;
    SseParser *self = nullptr;
    SseParser parser([&](const SseEvent &e) {
        events.push_back(e);
        if (e.data == QByteArrayLiteral("a"))
            self->reset();
    });
    self = &parser;
    parser.feed("data: a\n\ndata: b\n\n");
    EXPECT_EQ(events, std::vector<SseEvent>{message("a")});
    parser.feed("data: c\n\n");
    EXPECT_EQ(events, (std::vector<SseEvent>{message("a"), message("c")}));
}

TEST(SseParser, ResetFromTheOversizedCallbackStartsClean)
{
    std::vector<SseEvent> events;
    SseParser *self = nullptr;
    SseParser parser([&](const SseEvent &e) { events.push_back(e); }, {}, [&] { self->reset(); });
    self = &parser;
    parser.setMaxEventBytes(8);
    parser.feed("data: 0123456789\ndata: dropped\n\n");
    parser.feed("data: z\n\n");
    EXPECT_EQ(events, std::vector<SseEvent>{message("z")});
    EXPECT_EQ(parser.oversizedEvents(), 1u);
}

TEST(SseParser, SetLastEventIdSeedsTheBuffer)
{
    std::vector<SseEvent> events;
    SseParser parser([&](const SseEvent &e) { events.push_back(e); });
    parser.setLastEventId(QByteArrayLiteral("e-7f3a9c:41"));
    parser.feed("data: x\n\n");
    EXPECT_EQ(events, std::vector<SseEvent>{message("x", "e-7f3a9c:41")});
}

TEST(SseParser, OptionalCallbacksMayBeOmitted)
{
    int count = 0;
    SseParser parser([&](const SseEvent &) { ++count; });
    parser.setMaxEventBytes(8);
    parser.feed("retry: 10\ndata: 0123456789\n\ndata: x\n\n");
    EXPECT_EQ(count, 1);
    EXPECT_EQ(parser.oversizedEvents(), 1u);
}

TEST(SseParser, DefaultLimitAcceptsTheLongestLineAndDiscardsOneByteMore)
{
    EXPECT_EQ(SseParser(nullptr).maxEventBytes(), SseParser::kDefaultMaxEventBytes);

    std::vector<SseEvent> events;
    SseParser parser([&](const SseEvent &e) { events.push_back(e); });
    // "data:" plus the value is the longest line the limit allows; with its LF the data buffer
    // stays below the limit too.
    const QByteArray value(SseParser::kDefaultMaxEventBytes - 5, 'x');
    QByteArray stream;
    stream.append("data:").append(value).append("\n\n");
    stream.append("data:").append(value).append("y\n\ndata: after\n\n");
    for (qsizetype pos = 0; pos < stream.size(); pos += 65536)
        parser.feed(QByteArrayView(stream).sliced(pos, std::min<qsizetype>(65536, stream.size() - pos)));
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].data, value);
    EXPECT_EQ(events[1], message("after"));
    EXPECT_EQ(parser.oversizedEvents(), 1u);
}

TEST(SseParser, ManyEventsInOneChunk)
{
    QByteArray stream;
    for (int i = 0; i < 10000; ++i)
        stream.append("id: ")
            .append(QByteArray::number(i))
            .append("\nevent: tick\ndata: {\"n\":")
            .append(QByteArray::number(i))
            .append("}\n\n");
    int count = 0;
    SseEvent last;
    SseParser parser([&](const SseEvent &e) {
        ++count;
        last = e;
    });
    parser.feed(stream);
    EXPECT_EQ(count, 10000);
    EXPECT_EQ(last, event("tick", R"({"n":9999})", "9999"));
}

} // namespace
