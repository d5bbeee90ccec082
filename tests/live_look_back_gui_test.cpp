#include "app/AppOptions.h"
#include "app/SourceFactory.h"
#include "feed/Clock.h"
#include "support/LiveRelay.h"
#include "support/SessionFixture.h"
#include "ui/IndexProgress.h"
#include "ui/PlaybackBar.h"
#include "widgets/ReplayTimeline.h"

#include <QAction>
#include <QMessageBox>
#include <QToolButton>

#include <QTest>

#include <gtest/gtest.h>

// Looking back in the live window (issue 4, point 7; docs/journal.md): the window shows the live
// journal with its timeline, seeks into the past, while a real live session on a relay goes on
// underneath; Follow live brings back the present, with everything that arrived meanwhile.

using namespace vantage;

namespace {

constexpr int kWaitMs = 20'000;

Message signup(const QString &name)
{
    LiveEvent body;
    body.id = name;
    body.type = QStringLiteral("signup");
    body.userName = name;
    Message message;
    message.kind = MessageKind::Event;
    message.body = body;
    return message;
}

struct LiveFixture : test::SessionFixture
{
    RelayServer relay{test::quietRelayOptions()};
    QString journalDir = dir.filePath(QStringLiteral("journal"));

    LiveFixture()
    {
        QString error;
        EXPECT_TRUE(relay.listen(&error)) << error.toStdString();
        test::followRelay(controller, relay, journalDir);
    }

    PlaybackBar *bar() const { return window.playbackBar(); }

    // Publishes events named `names` and waits until the live session has them (in the
    // models it applies to, which are not the window's while looking back).
    void publish(const QStringList &names)
    {
        for (const QString &name : names)
            relay.publish(signup(name));
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return liveNames().mid(0, names.size()).join(u',') ==
                       QStringList(names.crbegin(), names.crend()).join(u',');
            },
            kWaitMs));
    }

    QStringList liveNames() const
    {
        QStringList names;
        const ActivityFeedModel *feed = controller.session()->models()->feed();
        for (int row = 0; row < feed->rowCount(); ++row)
            names << feed->itemAt(row).event.userName;
        return names;
    }

    // A moment strictly after everything received so far, and before anything received next.
    static void takeMoment(qint64 &moment)
    {
        moment = systemNowMs();
        ASSERT_TRUE(QTest::qWaitFor([&] { return systemNowMs() > moment; }, kWaitMs));
    }

    void waitForTheTimeline()
    {
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return bar()->timeline()->index() && bar()->timeline()->index()->complete; }, kWaitMs));
    }
};

const QStringList kEarly{QStringLiteral("early-1"), QStringLiteral("early-2")};
const QStringList kLater{QStringLiteral("later-1"), QStringLiteral("later-2")};
const QStringList kMeanwhile{QStringLiteral("meanwhile-1"), QStringLiteral("meanwhile-2"),
                             QStringLiteral("meanwhile-3")};

QStringList newestFirst(std::initializer_list<QStringList> batches)
{
    QStringList names;
    for (const QStringList &batch : batches)
        names = QStringList(batch.crbegin(), batch.crend()) + names;
    return names;
}

} // namespace

TEST(LiveLookBackGui, SeeksIntoThePastWhileTheLiveStreamGoesOnAndFollowsLiveAgain)
{
    LiveFixture f;
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return f.models.connectionStatus().state == ConnectionState::Live; }, kWaitMs));
    f.publish(kEarly);
    qint64 between = 0;
    LiveFixture::takeMoment(between);
    f.publish(kLater);
    ASSERT_EQ(f.feedNames(), newestFirst({kEarly, kLater}));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return f.window.findChild<QAction *>(QStringLiteral("action.lookBack"))->isEnabled(); },
        kWaitMs));

    f.window.findChild<QAction *>(QStringLiteral("action.lookBack"))->trigger();

    ASSERT_TRUE(f.controller.isLookingBack());
    EXPECT_TRUE(f.bar()->isVisible());
    EXPECT_TRUE(f.bar()->followLiveButton()->isVisible());
    EXPECT_FALSE(f.bar()->playButton()->isEnabled());        // a moment is picked on the timeline first
    EXPECT_EQ(f.feedNames(), newestFirst({kEarly, kLater})); // the present, held

    // Ingestion goes on underneath; the window does not move, and says what it is missing.
    f.publish(kMeanwhile);
    EXPECT_EQ(f.feedNames(), newestFirst({kEarly, kLater}));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return f.bar()->followLiveButton()->text().contains(QStringLiteral("3 new")); }, kWaitMs));

    f.waitForTheTimeline();
    EXPECT_EQ(f.bar()->timeline()->index()->frames, 2 + 4); // hello, snapshot, then the four events
    ASSERT_TRUE(f.controller.seek(between));
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.feedNames() == newestFirst({kEarly}); }, kWaitMs));
    EXPECT_TRUE(f.bar()->playButton()->isEnabled());
    EXPECT_EQ(f.models.connectionStatus().transport, QStringLiteral("replay"));
    EXPECT_EQ(f.liveNames(), newestFirst({kEarly, kLater, kMeanwhile}));

    // The segment still being written ends where the journal last flushed it: played to its end,
    // the journal shows the moment looking back began, and its timeline is whole.
    f.bar()->togglePause();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return f.models.connectionStatus().state == ConnectionState::Finished &&
                   f.feedNames() == newestFirst({kEarly, kLater});
        },
        kWaitMs))
        << f.models.connectionStatus().reason.toStdString() << " " << f.feedNames().join(u',').toStdString();
    EXPECT_EQ(f.bar()->indexProgress()->text(), QString());

    f.bar()->followLiveButton()->click();

    EXPECT_FALSE(f.controller.isLookingBack());
    EXPECT_FALSE(f.bar()->isVisible());
    EXPECT_EQ(f.feedNames(), newestFirst({kEarly, kLater, kMeanwhile}));
    EXPECT_EQ(f.models.connectionStatus().state, ConnectionState::Live);
    EXPECT_NE(f.models.connectionStatus().transport, QStringLiteral("replay"));
    EXPECT_EQ(f.controller.session()->models(), &f.models);

    // And the window follows the live stream again.
    const QStringList after{QStringLiteral("after")};
    f.publish(after);
    EXPECT_EQ(f.feedNames(), newestFirst({kEarly, kLater, kMeanwhile, after}));
}

TEST(LiveLookBackGui, ALiveStreamThatGoesDownUnderneathIsShownAndKeptOnFollowLive)
{
    LiveFixture f;
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return f.models.connectionStatus().state == ConnectionState::Live; }, kWaitMs));
    f.publish(kEarly);
    ASSERT_TRUE(f.controller.lookBack(f.journalDir));
    EXPECT_FALSE(f.bar()->followLiveButton()->text().contains(QStringLiteral("down")));

    f.relay.close();

    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return f.bar()->followLiveButton()->text().contains(QStringLiteral("stream down")); },
        kWaitMs));
    f.controller.followLive();
    EXPECT_NE(f.models.connectionStatus().state, ConnectionState::Live);
    EXPECT_EQ(f.feedNames(), newestFirst({kEarly}));
}

TEST(LiveLookBackGui, OnlyALiveSessionWithAJournalLooksBack)
{
    LiveFixture f;
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return f.models.connectionStatus().state == ConnectionState::Live; }, kWaitMs));
    const QString missing = f.dir.filePath(QStringLiteral("no-journal"));
    EXPECT_FALSE(f.controller.lookBack(missing));
    EXPECT_FALSE(f.controller.isLookingBack());
    auto *box = f.window.findChild<QMessageBox *>(QStringLiteral("errorBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(missing));
    EXPECT_EQ(f.controller.session()->models(), &f.models);

    f.publish(kEarly);
    ASSERT_TRUE(f.controller.lookBack(f.journalDir));
    EXPECT_FALSE(f.controller.lookBack(f.journalDir)); // already looking back

    // A log opened meanwhile ends looking back; the live session with it.
    const QString log = f.writeLog(QStringLiteral("other.ndjson"), {});
    f.controller.openLog(log);
    EXPECT_FALSE(f.controller.isLookingBack());
    EXPECT_FALSE(f.controller.lookBack(f.journalDir)); // a replay has no live stream to come back to
}
