#include "feed/Sequencer.h"

#include <gtest/gtest.h>

using namespace vantage;

namespace {

Message numbered(qint64 seq, MessageKind kind = MessageKind::Event)
{
    Message m;
    m.kind = kind;
    m.seq = seq;
    if (kind == MessageKind::Event)
        m.body = LiveEvent{};
    return m;
}

Message hello(const QString &epoch)
{
    Message m;
    m.kind = MessageKind::Hello;
    HelloInfo info;
    info.epoch = epoch;
    m.body = info;
    return m;
}

} // namespace

TEST(Sequencer, AcceptsIncreasingSequenceWithoutGaps)
{
    Sequencer sequencer;
    FeedStats stats;
    for (qint64 seq = 1; seq <= 5; ++seq)
        EXPECT_TRUE(sequencer.accept(numbered(seq), stats));
    EXPECT_EQ(sequencer.lastSeq(), 5);
    EXPECT_EQ(stats.gapsDetected, 0u);
    EXPECT_EQ(stats.duplicatesDropped, 0u);
}

TEST(Sequencer, DropsDuplicatesAndOldMessages)
{
    Sequencer sequencer;
    FeedStats stats;
    ASSERT_TRUE(sequencer.accept(numbered(10), stats));
    EXPECT_FALSE(sequencer.accept(numbered(10), stats));
    EXPECT_FALSE(sequencer.accept(numbered(7), stats));
    EXPECT_TRUE(sequencer.accept(numbered(11), stats));
    EXPECT_EQ(stats.duplicatesDropped, 2u);
}

TEST(Sequencer, CountsGapsAndMissedMessages)
{
    Sequencer sequencer;
    FeedStats stats;
    sequencer.accept(numbered(1), stats);
    sequencer.accept(numbered(5), stats); // 2, 3, 4 missed
    sequencer.accept(numbered(6), stats);
    sequencer.accept(numbered(8), stats); // 7 missed
    EXPECT_EQ(stats.gapsDetected, 2u);
    EXPECT_EQ(stats.messagesMissed, 4u);
}

TEST(Sequencer, NewEpochRestartsNumbering)
{
    Sequencer sequencer;
    FeedStats stats;
    sequencer.accept(hello(QStringLiteral("a")), stats);
    sequencer.accept(numbered(100), stats);
    sequencer.accept(hello(QStringLiteral("b")), stats);
    EXPECT_TRUE(sequencer.accept(numbered(1), stats));
    EXPECT_EQ(sequencer.epoch(), QStringLiteral("b"));
    EXPECT_EQ(stats.duplicatesDropped, 0u);
    EXPECT_EQ(stats.gapsDetected, 0u);
}

TEST(Sequencer, SameEpochHelloKeepsPosition)
{
    Sequencer sequencer;
    FeedStats stats;
    sequencer.accept(hello(QStringLiteral("a")), stats);
    sequencer.accept(numbered(3), stats);
    sequencer.accept(hello(QStringLiteral("a")), stats); // a resumed connection
    EXPECT_FALSE(sequencer.accept(numbered(3), stats));
    EXPECT_TRUE(sequencer.accept(numbered(4), stats));
}

TEST(Sequencer, SnapshotCoversWhatCameBeforeAndCountsIt)
{
    Sequencer sequencer;
    FeedStats stats;
    sequencer.accept(numbered(2), stats);
    Message snapshot = numbered(50, MessageKind::Snapshot);
    snapshot.body = SnapshotInfo{};
    EXPECT_TRUE(sequencer.accept(snapshot, stats));
    EXPECT_TRUE(sequencer.accept(numbered(51), stats));
    EXPECT_EQ(stats.gapsDetected, 0u);
    EXPECT_EQ(stats.coveredBySnapshot, 48u); // 3..50 never arrived; the snapshot is the state as of 50
}

TEST(Sequencer, OlderSnapshotDoesNotMoveTheStateBack)
{
    Sequencer sequencer;
    FeedStats stats;
    sequencer.accept(numbered(10), stats);
    Message snapshot = numbered(4, MessageKind::Snapshot);
    snapshot.body = SnapshotInfo{};
    EXPECT_FALSE(sequencer.accept(snapshot, stats));
    EXPECT_FALSE(sequencer.accept(numbered(5), stats));
    EXPECT_EQ(sequencer.lastSeq(), 10);
    EXPECT_EQ(stats.duplicatesDropped, 2u);
}

TEST(Sequencer, RestartStartsNumberingAfresh)
{
    Sequencer sequencer;
    FeedStats stats;
    sequencer.accept(hello(QStringLiteral("a")), stats);
    sequencer.accept(numbered(500), stats);
    sequencer.restart(); // a replay pass begins again with the same epoch
    sequencer.accept(hello(QStringLiteral("a")), stats);
    EXPECT_TRUE(sequencer.accept(numbered(1), stats));
    EXPECT_EQ(stats.duplicatesDropped, 0u);
}

TEST(Sequencer, MessagesWithoutSeqAlwaysPass)
{
    Sequencer sequencer;
    FeedStats stats;
    sequencer.accept(numbered(5), stats);
    EXPECT_TRUE(sequencer.accept(numbered(-1), stats));
    EXPECT_TRUE(sequencer.accept(numbered(-1), stats));
    EXPECT_EQ(sequencer.lastSeq(), 5);
}
