#include "app/AppOptions.h"
#include "app/FeedSession.h"
#include "app/SourceFactory.h"
#include "models/DashboardModels.h"
#include "ui/FeedPanel.h"
#include "ui/MainWindow.h"
#include "widgets/CounterTile.h"

#include <QListView>
#include <QTest>

#include <gtest/gtest.h>

using namespace vantage;

// What `vantage` with no arguments shows: the bundled demo flowing into the overview and
// moving on its own, as `scripts/demo.sh` opens it.
TEST(DemoWindow, TheDemoKeepsMovingOnTheOverview)
{
    SourceChoice choice = makeSource(AppOptions{});
    ASSERT_TRUE(choice.source) << choice.error.toStdString();
    ASSERT_TRUE(choice.demo);

    DashboardModels models;
    MainWindow window(&models);
    window.setDemoMode(choice.demo);
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    FeedSession session(std::move(choice.source), &models);
    session.start();

    // The pre-roll fills the dashboard at once: counters, the feed and a live badge.
    CounterTile *signups = window.tile(QStringLiteral("signups"));
    ASSERT_NE(signups, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return models.feed()->rowCount() > 100; }, 30'000));
    EXPECT_EQ(models.connectionStatus().state, ConnectionState::Live);
    EXPECT_NE(signups->valueText(), QStringLiteral("\u2014"));

    // Then it keeps moving at 1x: new events arrive and the picture changes.
    const quint64 totalBefore = models.stats().messagesDecoded;
    const QImage before = window.grab().toImage();
    ASSERT_TRUE(QTest::qWaitFor([&] { return models.stats().messagesDecoded > totalBefore + 3; }, 30'000));
    EXPECT_TRUE(QTest::qWaitFor([&] { return window.grab().toImage() != before; }, 30'000));
    session.finish();
}
