#include "app/HeapTrim.h"
#include "app/RssMilestones.h"

#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

using namespace vantage;

namespace {

constexpr int kIntervalMs = 20;
constexpr int kWaitMs = 5'000;
constexpr int kQuietMs = 10 * kIntervalMs; // a trim due would have come several times over

} // namespace

TEST(HeapTrim, AnIdleDashboardIsNotTrimmed)
{
    int trims = 0;
    HeapTrim heap(kIntervalMs, [&] { ++trims; });
    EXPECT_FALSE(QTest::qWaitFor([&] { return trims > 0; }, kQuietMs));
    EXPECT_EQ(heap.trims(), 0u);
}

TEST(HeapTrim, BatchesAppliedAreFollowedByOneTrimAnInterval)
{
    int trims = 0;
    HeapTrim heap(kIntervalMs, [&] { ++trims; });
    heap.noteBatch();
    heap.noteBatch(); // within the same interval: still one trim
    ASSERT_TRUE(QTest::qWaitFor([&] { return trims == 1; }, kWaitMs));
    EXPECT_FALSE(QTest::qWaitFor([&] { return trims > 1; }, kQuietMs)) << "no batch since: no trim";

    heap.noteBatch();
    ASSERT_TRUE(QTest::qWaitFor([&] { return trims == 2; }, kWaitMs));
    EXPECT_EQ(heap.trims(), 2u);
}

TEST(HeapTrim, AFeedThatNeverPausesIsStillTrimmed)
{
    int trims = 0;
    HeapTrim heap(kIntervalMs, [&] { ++trims; });
    // A batch every turn of the event loop: the interval runs from the first, not the last.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            heap.noteBatch();
            return trims >= 2;
        },
        kWaitMs));
}

TEST(HeapTrim, TrimmingGivesFreedPagesBackToTheSystem)
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    GTEST_SKIP() << "the sanitizer's allocator stands in for glibc's";
#endif
    if (!qEnvironmentVariableIsEmpty("LD_PRELOAD"))
        GTEST_SKIP() << "a preloaded library may stand in for glibc's allocator";
    // 64 MB in blocks the size of a feed row's strings, each touched, then all freed but the last:
    // it holds the top of the heap, so the pages below can only go back through a trim.
    constexpr std::size_t kBlock = 256;
    constexpr std::size_t kBlocks = (64u << 20) / kBlock;
    std::vector<char *> blocks(kBlocks);
    for (char *&block : blocks) {
        block = static_cast<char *>(std::malloc(kBlock));
        std::fill(block, block + kBlock, char(1));
    }
    for (std::size_t i = 0; i + 1 < kBlocks; ++i)
        std::free(blocks[i]);
    const qint64 before = residentSetBytes();

    HeapTrim::trimFreePages();
    const qint64 after = residentSetBytes();
    std::free(blocks.back());

    EXPECT_GT(before - after, qint64(32u << 20)) << "before " << before << " after " << after;
}
