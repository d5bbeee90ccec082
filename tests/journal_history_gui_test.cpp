#include "feed/Clock.h"
#include "feed/LiveJournal.h"
#include "feed/ReceivedFrame.h"
#include "feed/ReplayTimestampReader.h"
#include "models/DashboardModels.h"
#include "models/MetricSeriesStore.h"
#include "support/LiveRelay.h"
#include "support/SessionFixture.h"
#include "support/TestFiles.h"

#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>

// A live session in the window reads the gauges' history out of the live journal's earlier
// segments, in the background, so the metrics page's charts reach back before the session began
// (docs/metrics.md). The journal holds the demo log, received in the last hour and a half.

using namespace vantage;

namespace {

constexpr int kWaitMs = 30'000;

QString demoLog()
{
    return QStringLiteral(VANTAGE_BIN_DIR) + QStringLiteral("/../share/vantage/demo.ndjson");
}

struct JournaledDemo
{
    qint64 firstMs = 0; // the demo's own times
    qint64 lastMs = 0;
};

// The demo log journaled into `dir` as if received live, from 90 minutes ago, each frame after the
// first as much later as its own time says.
JournaledDemo journalTheDemo(const QString &dir)
{
    JournaledDemo demo;
    JournalOptions options;
    options.dir = dir;
    const qint64 startMs = systemNowMs() - 90 * 60'000;
    LiveJournal journal(options, RecordingHeader{QUrl(QStringLiteral("ws://127.0.0.1:1/stream")), {}, 0});
    EXPECT_TRUE(journal.open(startMs));
    ReplayTimestampReader timestamps;
    for (const QByteArray &frame : test::readLines(demoLog())) {
        const std::optional<qint64> ts = timestamps.read(frame);
        if (ts && demo.firstMs == 0)
            demo.firstMs = *ts;
        if (ts)
            demo.lastMs = *ts;
        EXPECT_TRUE(journal.record(
            ReceivedFrame{frame, startMs + (demo.lastMs - demo.firstMs), QLatin1String("websocket")}));
    }
    journal.close();
    return demo;
}

} // namespace

TEST(JournalHistoryGui, ALiveSessionsChartsReachBackIntoTheJournal)
{
    test::SessionFixture f;
    const QString journalDir = f.dir.filePath(QStringLiteral("journal"));
    const JournaledDemo demo = journalTheDemo(journalDir);
    ASSERT_GT(demo.lastMs - demo.firstMs, 50 * 60'000);
    RelayServer relay(test::quietRelayOptions());
    QString error;
    ASSERT_TRUE(relay.listen(&error)) << error.toStdString();

    test::followRelay(f.controller, relay, journalDir);

    ASSERT_TRUE(QTest::qWaitFor([&] { return f.models.series()->archive() != nullptr; }, kWaitMs));
    std::vector<QPointF> points =
        f.models.series()->history(QStringLiteral("requests_per_second"), demo.firstMs, demo.lastMs);
    std::erase_if(points, [&](const QPointF &point) { return point.x() > double(demo.lastMs); });
    // The newest hour of the journal's samples, one a second, and the minutes before it.
    ASSERT_GT(points.size(), 3000u);
    EXPECT_LT(points.front().x(), double(demo.firstMs + 60'000));
    EXPECT_GT(points.back().x(), double(demo.lastMs - 60'000));
    EXPECT_TRUE(
        f.models.series()->history(QStringLiteral("active_connections"), demo.firstMs, demo.lastMs).size() >
        3000u);
}

TEST(JournalHistoryGui, WithoutAJournalYetThereIsNoArchive)
{
    test::SessionFixture f;
    RelayServer relay(test::quietRelayOptions());
    QString error;
    ASSERT_TRUE(relay.listen(&error)) << error.toStdString();
    test::followRelay(f.controller, relay, f.dir.filePath(QStringLiteral("journal")));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return f.models.connectionStatus().state == ConnectionState::Live; }, kWaitMs));
    EXPECT_EQ(f.models.series()->archive(), nullptr);
}
