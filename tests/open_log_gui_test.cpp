#include "support/LogFrames.h"
#include "support/SessionFixture.h"
#include "ui/PlaybackBar.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMessageBox>
#include <QMimeData>
#include <QUrl>

#include <gtest/gtest.h>

// Dropping a log onto the window (or File > Open log...) ends the current session and replays the
// log on emptied models; a file that cannot be opened is reported and the session goes on.

using namespace vantage;

namespace {

QMimeData *fileUrls(QMimeData &mime, const QStringList &paths)
{
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    mime.setUrls(urls);
    return &mime;
}

// Drags the files onto the window and drops them, as the window system delivers it; whether the
// window took the drag and the drop.
std::pair<bool, bool> dragAndDrop(QWidget &window, const QStringList &paths)
{
    QMimeData mime;
    fileUrls(mime, paths);
    const QPoint at = window.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    return {enter.isAccepted(), drop.isAccepted()};
}

// The first log, played to its end.
void playFirstLog(test::SessionFixture &f)
{
    f.play(f.writeLog(QStringLiteral("first.ndjson"),
                      {test::signupAt(0, 1, "Alpha One"), test::signupAt(10, 2, "Alpha Two")}),
           0.0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.feedNames().size() == 2; }, 20'000));
}

} // namespace

TEST(OpenLogGui, ADroppedLogReplacesTheSessionOnEmptiedModels)
{
    test::SessionFixture f;
    playFirstLog(f);

    const QString dropped = f.writeLog(QStringLiteral("dropped.ndjson"),
                                       {test::signupAt(0, 1, "Bravo One"), test::signupAt(10, 2, "Bravo Two"),
                                        test::signupAt(20, 3, "Bravo Three")});
    const auto [entered, droppedIn] = dragAndDrop(f.window, {dropped});
    EXPECT_TRUE(entered);
    EXPECT_TRUE(droppedIn);
    EXPECT_EQ(f.window.sourceLabel(), dropped);
    EXPECT_TRUE(f.window.playbackBar()->isVisible());

    // The first log's events are gone: the feed, the counters and the stats are the dropped log's.
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.models.stats().messagesDecoded == 3; }, 20'000));
    EXPECT_EQ(f.feedNames(), QStringList({QStringLiteral("Bravo Three"), QStringLiteral("Bravo Two"),
                                          QStringLiteral("Bravo One")}));
    EXPECT_EQ(f.models.counters()->value(Counter::Signups), 3.0);
    EXPECT_EQ(f.models.stats().replay.file, dropped);
}

TEST(OpenLogGui, OnlyOneLocalFileIsTaken)
{
    test::SessionFixture f;
    playFirstLog(f);
    const QString a = f.writeLog(QStringLiteral("a.ndjson"), {test::signupAt(0, 1, "A")});
    const QString b = f.writeLog(QStringLiteral("b.ndjson"), {test::signupAt(0, 1, "B")});
    const auto [entered, droppedIn] = dragAndDrop(f.window, {a, b});
    EXPECT_FALSE(entered);
    EXPECT_FALSE(droppedIn);
    EXPECT_EQ(f.window.sourceLabel(), f.dir.filePath(QStringLiteral("first.ndjson")));
}

TEST(OpenLogGui, ALogThatCannotBeOpenedIsReportedAndTheSessionGoesOn)
{
    test::SessionFixture f;
    playFirstLog(f);
    const QString first = f.window.sourceLabel();

    // A directory: dropped like a file, refused when opened.
    const auto [entered, droppedIn] = dragAndDrop(f.window, {f.dir.path()});
    EXPECT_TRUE(droppedIn);
    auto *box = f.window.findChild<QMessageBox *>(QStringLiteral("errorBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_EQ(box->textFormat(), Qt::PlainText);
    EXPECT_EQ(box->text(), QStringLiteral("Replay path %1 is a directory, not a log file").arg(f.dir.path()));

    EXPECT_EQ(f.window.sourceLabel(), first);
    EXPECT_NE(f.controller.session(), nullptr);
    EXPECT_EQ(f.feedNames().size(), 2);
    EXPECT_EQ(f.models.stats().replay.file, first);

    // Open log... takes a path the same way.
    box->close();
    EXPECT_FALSE(f.controller.openLog(f.dir.filePath(QStringLiteral("missing.ndjson"))));
    EXPECT_EQ(f.window.sourceLabel(), first);
}
