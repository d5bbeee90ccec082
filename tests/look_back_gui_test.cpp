#include "support/SessionFixture.h"

#include <QAction>
#include <QCoreApplication>
#include <QMessageBox>

#include <gtest/gtest.h>

// Connection > Look back in the journal... opens the live journal in a second window (a replay of
// the journal folder, with its timeline) while this window stays live; it is offered only while
// the live stream is journaled.

using namespace vantage;

namespace {

struct Launch
{
    QString program;
    QStringList arguments;
};

QAction *lookBackAction(test::SessionFixture &f)
{
    return f.window.findChild<QAction *>(QStringLiteral("action.lookBackWindow"));
}

} // namespace

TEST(LookBackGui, OfferedOnlyWhileTheLiveStreamIsJournaled)
{
    test::SessionFixture f;
    QAction *action = lookBackAction(f);
    ASSERT_NE(action, nullptr);
    f.applyStats(FeedStats());
    EXPECT_FALSE(action->isEnabled());

    FeedStats journaled;
    journaled.journalDir = f.dir.filePath(QStringLiteral("journal"));
    f.applyStats(journaled);
    EXPECT_TRUE(action->isEnabled());
}

TEST(LookBackGui, OpensTheJournalFolderInASecondVantage)
{
    test::SessionFixture f;
    std::vector<Launch> launches;
    f.controller.setLauncher([&launches](const QString &program, const QStringList &arguments) {
        launches.push_back({program, arguments});
        return true;
    });
    FeedStats journaled;
    journaled.journalDir = f.dir.filePath(QStringLiteral("journal"));
    f.applyStats(journaled);

    lookBackAction(f)->trigger();

    ASSERT_EQ(launches.size(), 1u);
    EXPECT_EQ(launches[0].program, QCoreApplication::applicationFilePath());
    EXPECT_EQ(launches[0].arguments, QStringList({QStringLiteral("--replay"), journaled.journalDir}));
    EXPECT_EQ(f.window.findChild<QMessageBox *>(QStringLiteral("errorBox")), nullptr);
}

TEST(LookBackGui, AWindowThatCannotBeStartedIsReported)
{
    test::SessionFixture f;
    f.controller.setLauncher([](const QString &, const QStringList &) { return false; });
    const QString journal = f.dir.filePath(QStringLiteral("journal"));

    EXPECT_FALSE(f.controller.openJournalWindow(journal));

    auto *box = f.window.findChild<QMessageBox *>(QStringLiteral("errorBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_TRUE(box->text().contains(journal));
}
