#include "feed/ReplayIndexJob.h"
#include "support/ReplayIndexLogs.h"
#include "support/TestFiles.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <thread>
#include <variant>

// ReplayIndexJob: the index built on a thread of its own, with progress, partial indexes,
// cancel from any thread, and destruction while running.

using namespace vantage;

namespace {

constexpr int kWaitMs = 60'000;

using IndexPtr = std::shared_ptr<const ReplayIndex>;

// What the job emitted, in order.
struct Emitted
{
    std::vector<int> progress;
    std::vector<IndexPtr> partials;
    std::vector<std::string> order; // "progress", "partial", "finished", "failed", "cancelled"
    IndexPtr finished;
    QString failed;
};

void record(ReplayIndexJob &job, Emitted &emitted)
{
    QObject::connect(&job, &ReplayIndexJob::progress, [&](int permille) {
        EXPECT_EQ(QThread::currentThread(), job.thread());
        emitted.progress.push_back(permille);
        emitted.order.push_back("progress");
    });
    QObject::connect(&job, &ReplayIndexJob::partialIndex, [&](const IndexPtr &soFar) {
        emitted.partials.push_back(soFar);
        emitted.order.push_back("partial");
    });
    QObject::connect(&job, &ReplayIndexJob::finished, [&](const IndexPtr &index) {
        emitted.finished = index;
        emitted.order.push_back("finished");
    });
    QObject::connect(&job, &ReplayIndexJob::failed, [&](const QString &reason) {
        emitted.failed = reason;
        emitted.order.push_back("failed");
    });
    QObject::connect(&job, &ReplayIndexJob::cancelled, [&] { emitted.order.push_back("cancelled"); });
}

class ReplayIndexJobTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_log = m_dir.filePath(QStringLiteral("log.ndjson"));
        // About 3 MB: 46 chunks of 64 KiB, so ten partial indexes.
        ASSERT_TRUE(test::writeLines(m_log, test::indexLog(20'000)));
    }

    QTemporaryDir m_dir;
    QString m_log;
};

} // namespace

TEST_F(ReplayIndexJobTest, FinishesWithRisingProgressAndPartialIndexesBeforeTheEnd)
{
    ReplayIndexJob job(m_log);
    Emitted emitted;
    record(job, emitted);
    QSignalSpy finished(&job, &ReplayIndexJob::finished);

    job.start();
    EXPECT_TRUE(job.isRunning());
    ASSERT_TRUE(finished.wait(kWaitMs));

    EXPECT_FALSE(job.isRunning());
    ASSERT_TRUE(emitted.finished);
    EXPECT_TRUE(emitted.finished->complete);
    EXPECT_EQ(emitted.finished->frames, 20'000);
    EXPECT_EQ(emitted.finished->lastTimeMs, test::indexLogTimeMs(19'999));
    EXPECT_EQ(emitted.order.back(), "finished");
    EXPECT_EQ(std::count(emitted.order.begin(), emitted.order.end(), "finished"), 1);
    EXPECT_EQ(std::count(emitted.order.begin(), emitted.order.end(), "failed"), 0);

    ASSERT_FALSE(emitted.progress.empty());
    EXPECT_TRUE(std::is_sorted(emitted.progress.begin(), emitted.progress.end()));
    EXPECT_EQ(emitted.progress.back(), 1000);

    ASSERT_FALSE(emitted.partials.empty());
    qint64 previousBytes = 0;
    for (const IndexPtr &soFar : emitted.partials) {
        EXPECT_FALSE(soFar->complete);
        EXPECT_GT(soFar->contentBytes, previousBytes);
        EXPECT_LE(soFar->frames, emitted.finished->frames);
        previousBytes = soFar->contentBytes;
    }
    EXPECT_LT(previousBytes, emitted.finished->contentBytes);
    // A partial index is a snapshot: one kept from early on has not grown since.
    EXPECT_LT(emitted.partials.front()->checkpoints.size(), emitted.finished->checkpoints.size());
}

TEST_F(ReplayIndexJobTest, FailsWithTheReasonForAMissingFile)
{
    const QString missing = m_dir.filePath(QStringLiteral("missing.ndjson"));
    ReplayIndexJob job(missing);
    Emitted emitted;
    record(job, emitted);
    QSignalSpy failed(&job, &ReplayIndexJob::failed);

    job.start();
    ASSERT_TRUE(failed.wait(kWaitMs));

    EXPECT_EQ(emitted.failed, QStringLiteral("Replay file %1 does not exist").arg(missing));
    EXPECT_EQ(emitted.order, std::vector<std::string>{"failed"});
}

TEST_F(ReplayIndexJobTest, CancelFromAnotherThreadEndsWithCancelledAndNoFinished)
{
    ReplayIndexJob job(m_log);
    Emitted emitted;
    record(job, emitted);
    QSignalSpy cancelled(&job, &ReplayIndexJob::cancelled);

    job.start();
    std::thread([&job] { job.cancel(); }).join();
    ASSERT_TRUE(cancelled.wait(kWaitMs));

    EXPECT_FALSE(job.isRunning());
    EXPECT_EQ(emitted.order, std::vector<std::string>{"cancelled"});
    EXPECT_FALSE(emitted.finished);
}

TEST_F(ReplayIndexJobTest, DestroyingARunningJobCancelsAndJoinsItsThread)
{
    auto job = std::make_unique<ReplayIndexJob>(m_log);
    Emitted emitted;
    record(*job, emitted);
    job->start();
    ASSERT_TRUE(job->isRunning());

    job.reset();
    QCoreApplication::processEvents();

    EXPECT_TRUE(emitted.order.empty());
}
