#include "app/GuiWatchdog.h"

#include "support/TestClock.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>

using namespace vantage;
using vantage::test::TestClock;

namespace {

constexpr int kWaitMs = 5000;

// Collects what the watchdog logs, by level, while in scope; other categories pass through.
class WatchdogLog
{
public:
    WatchdogLog()
    {
        s_warnings.clear();
        s_criticals.clear();
        s_previous = qInstallMessageHandler(&WatchdogLog::handle);
    }
    ~WatchdogLog() { qInstallMessageHandler(s_previous); }

    const QStringList &warnings() const { return s_warnings; }
    const QStringList &criticals() const { return s_criticals; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (qstrcmp(context.category, "vantage.watchdog") != 0) {
            s_previous(type, context, message);
            return;
        }
        (type == QtCriticalMsg ? s_criticals : s_warnings).append(message);
    }

    static inline QStringList s_warnings;
    static inline QStringList s_criticals;
    static inline QtMessageHandler s_previous = nullptr;
};

// A watchdog driven by hand: never started, so no timer beats or checks behind the test's back.
class GuiWatchdogTest : public ::testing::Test
{
protected:
    void build(qint64 fatalAfterMs = 120'000)
    {
        GuiWatchdog::Settings settings;
        settings.stallAfterMs = 10'000;
        settings.fatalAfterMs = fatalAfterMs;
        m_dog = std::make_unique<GuiWatchdog>(settings, [this] { return m_clock.now(); });
        m_dog->setFatalHandler([this](const QString &why) { m_fatalCalls.append(why); });
        m_stalled = std::make_unique<QSignalSpy>(m_dog.get(), &GuiWatchdog::stalled);
        m_recovered = std::make_unique<QSignalSpy>(m_dog.get(), &GuiWatchdog::recovered);
        // The first check is the baseline.
        m_dog->beat();
        checkAfter(0);
    }

    void checkAfter(qint64 ms)
    {
        m_clock.advance(ms);
        m_dog->check(m_clock.now());
    }

    TestClock m_clock;
    std::unique_ptr<GuiWatchdog> m_dog;
    std::unique_ptr<QSignalSpy> m_stalled;
    std::unique_ptr<QSignalSpy> m_recovered;
    QStringList m_fatalCalls;
};

} // namespace

TEST_F(GuiWatchdogTest, StallIsReportedOnceWhenTheThresholdIsReachedNotBefore)
{
    WatchdogLog log;
    build();
    checkAfter(9'999);
    EXPECT_EQ(m_stalled->count(), 0);
    EXPECT_TRUE(log.warnings().isEmpty());

    checkAfter(1);
    ASSERT_EQ(m_stalled->count(), 1);
    EXPECT_EQ(m_stalled->at(0).at(0).toLongLong(), 10'000);
    ASSERT_EQ(log.warnings().size(), 1);
    EXPECT_TRUE(log.warnings().at(0).startsWith(QLatin1String("GUI thread stalled for 10.0 s")))
        << log.warnings().at(0).toStdString();
    EXPECT_TRUE(log.warnings().at(0).contains(QLatin1String("120.0 s")))
        << log.warnings().at(0).toStdString();

    checkAfter(5'000);
    checkAfter(5'000);
    EXPECT_EQ(m_stalled->count(), 1) << "one report per stall";
    EXPECT_EQ(log.warnings().size(), 1);
    EXPECT_TRUE(m_fatalCalls.isEmpty());
}

TEST_F(GuiWatchdogTest, BeatsInTimeKeepItQuiet)
{
    build();
    for (int i = 0; i < 10; ++i) {
        checkAfter(6'000);
        m_dog->beat();
    }
    checkAfter(9'000);
    EXPECT_EQ(m_stalled->count(), 0);
    EXPECT_EQ(m_recovered->count(), 0);
}

TEST_F(GuiWatchdogTest, RecoveryReportsHowLongTheStallLastedAndTheNextStallIsNew)
{
    WatchdogLog log;
    build();
    checkAfter(10'000);
    checkAfter(4'000);
    m_dog->beat();
    checkAfter(500);
    ASSERT_EQ(m_recovered->count(), 1);
    EXPECT_EQ(m_recovered->at(0).at(0).toLongLong(), 14'500);
    ASSERT_EQ(log.warnings().size(), 2);
    EXPECT_EQ(log.warnings().at(1), QStringLiteral("GUI thread recovered after 14.5 s"));

    checkAfter(1'000);
    EXPECT_EQ(m_recovered->count(), 1) << "one report per recovery";

    checkAfter(9'000);
    ASSERT_EQ(m_stalled->count(), 2);
    EXPECT_EQ(m_stalled->at(1).at(0).toLongLong(), 10'000);
    EXPECT_TRUE(log.warnings().at(2).contains(QLatin1String("stall 2 of this run")))
        << log.warnings().at(2).toStdString();
}

TEST_F(GuiWatchdogTest, FatalHandlerRunsOncePastTheLimit)
{
    WatchdogLog log;
    build();
    checkAfter(119'999);
    EXPECT_TRUE(m_fatalCalls.isEmpty());
    EXPECT_TRUE(log.criticals().isEmpty());

    checkAfter(1);
    ASSERT_EQ(m_fatalCalls.size(), 1);
    EXPECT_EQ(m_fatalCalls.at(0),
              QStringLiteral("GUI thread hung: no heartbeat for 120.0 s (limit 120.0 s)"));
    ASSERT_EQ(log.criticals().size(), 1);
    EXPECT_TRUE(log.criticals().at(0).startsWith(m_fatalCalls.at(0))) << log.criticals().at(0).toStdString();

    checkAfter(60'000);
    EXPECT_EQ(m_fatalCalls.size(), 1);
    EXPECT_EQ(m_stalled->count(), 1);
}

TEST_F(GuiWatchdogTest, ZeroFatalLimitNeverEndsTheProcess)
{
    build(0);
    checkAfter(10'000);
    checkAfter(24 * 3'600'000);
    EXPECT_EQ(m_stalled->count(), 1);
    EXPECT_TRUE(m_fatalCalls.isEmpty());
}

TEST_F(GuiWatchdogTest, NothingIsReportedAfterStop)
{
    build();
    checkAfter(10'000);
    ASSERT_EQ(m_stalled->count(), 1);
    m_dog->stop();
    checkAfter(200'000);
    EXPECT_TRUE(m_fatalCalls.isEmpty());
    m_dog->beat();
    checkAfter(1'000);
    EXPECT_EQ(m_recovered->count(), 0);
    EXPECT_EQ(m_stalled->count(), 1);
}

TEST(GuiWatchdogDeathTest, DefaultFatalHandlerEndsTheProcessAndSaysWhy)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    const auto hang = [] {
        GuiWatchdog::Settings settings;
        settings.fatalAfterMs = 30'000;
        GuiWatchdog dog(settings, [] { return qint64(0); });
        dog.check(0);
        dog.check(30'000);
    };
    EXPECT_DEATH(hang(), "GUI thread hung: no heartbeat for 30.0 s");
}

// The real threads: the watchdog's own thread notices that this (the GUI) thread stopped beating.
TEST(GuiWatchdogThreads, ABlockedGuiThreadIsNoticedFromTheWatchdogsThread)
{
    std::atomic<bool> stalledSeen{false};
    std::atomic<qint64> stalledMs{0};
    std::atomic<bool> stalledOffGuiThread{false};
    GuiWatchdog::Settings settings;
    settings.beatIntervalMs = 10;
    settings.checkIntervalMs = 10;
    settings.stallAfterMs = 100;
    settings.fatalAfterMs = 0;
    GuiWatchdog dog(settings);
    QThread *const guiThread = QThread::currentThread();
    QObject::connect(
        &dog, &GuiWatchdog::stalled, &dog,
        [&](qint64 ms) {
            stalledOffGuiThread = QThread::currentThread() != guiThread;
            stalledMs = ms;
            stalledSeen = true;
        },
        Qt::DirectConnection);
    // Connected by context: queued to this thread, where a GUI receiver would be.
    qint64 recoveredMs = -1;
    QThread *recoveredOn = nullptr;
    QObject::connect(&dog, &GuiWatchdog::recovered, &dog, [&](qint64 ms) {
        recoveredOn = QThread::currentThread();
        recoveredMs = ms;
    });
    dog.start();

    // Blocks this thread, with no event processed, until the watchdog reports the stall.
    const QDeadlineTimer deadline(kWaitMs);
    while (!stalledSeen.load() && !deadline.hasExpired())
        std::this_thread::yield();
    ASSERT_TRUE(stalledSeen.load());
    EXPECT_TRUE(stalledOffGuiThread.load());
    EXPECT_GE(stalledMs.load(), settings.stallAfterMs);

    // The event loop runs again: beats resume and the recovery is reported, queued to this thread.
    ASSERT_TRUE(QTest::qWaitFor([&] { return recoveredMs >= 0; }, kWaitMs));
    EXPECT_EQ(recoveredOn, guiThread);
    EXPECT_GE(recoveredMs, settings.stallAfterMs);
    dog.stop();
}
