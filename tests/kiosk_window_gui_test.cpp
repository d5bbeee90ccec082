#include "models/DashboardModels.h"
#include "support/KioskOptions.h"
#include "support/TestClock.h"
#include "ui/AlertPanel.h"
#include "ui/FeedPanel.h"
#include "ui/KioskController.h"
#include "ui/MainWindow.h"
#include "ui/MapPanel.h"
#include "ui/PinDialog.h"
#include "widgets/ConnectionBadge.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

using namespace vantage;

namespace {

constexpr qint64 kRotateMs = 30'000;

// A window in kiosk mode as app/WindowRun makes it, on a clock the test moves.
struct KioskWindow
{
    test::TestClock clock;
    DashboardModels models;
    MainWindow window{&models};
    KioskController kiosk{&window, test::rotatingEvery(kRotateMs), [this] { return clock.now(); }};

    KioskWindow()
    {
        window.setKioskMode(true);
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
    }

    void advance(qint64 ms)
    {
        clock.advance(ms);
        kiosk.tick();
    }
};

void moveMouse(QWidget *widget, QPoint pos)
{
    QMouseEvent move(QEvent::MouseMove, pos, widget->mapToGlobal(pos), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
}

// Every action the window could reach by a shortcut: its own and those of its menus.
std::vector<QAction *> shortcutActions(MainWindow &window)
{
    std::vector<QAction *> found;
    std::function<void(const QList<QAction *> &)> collect = [&](const QList<QAction *> &actions) {
        for (QAction *action : actions) {
            if (action->menu())
                collect(action->menu()->actions());
            else if (!action->shortcut().isEmpty() &&
                     std::find(found.begin(), found.end(), action) == found.end())
                found.push_back(action);
        }
    };
    collect(window.actions());
    collect(window.menuBar()->actions());
    return found;
}

} // namespace

TEST(KioskWindowGui, ShowsNoMenusNoPageButtonsFullScreenFrameless)
{
    KioskWindow k;
    EXPECT_FALSE(k.window.menuBar()->isVisible());
    for (const char *name : {"page.overviewButton", "page.mapButton"}) {
        auto *button = k.window.findChild<QToolButton *>(QLatin1String(name));
        ASSERT_NE(button, nullptr) << name;
        EXPECT_FALSE(button->isVisible()) << name;
    }
    EXPECT_TRUE(k.window.windowFlags().testFlag(Qt::FramelessWindowHint));
    EXPECT_TRUE(k.window.isFullScreen());
    EXPECT_FALSE(k.window.acceptDrops());
    // The data stays: the connection badge and the status bar's rates and loss counts.
    EXPECT_TRUE(k.window.connectionBadge()->isVisible());
    EXPECT_TRUE(k.window.statusBar()->isVisible());

    // The same window at a desk has all of it.
    MainWindow desk(&k.models);
    desk.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&desk));
    EXPECT_TRUE(desk.menuBar()->isVisible());
    EXPECT_TRUE(desk.findChild<QToolButton *>(QStringLiteral("page.mapButton"))->isVisible());
    EXPECT_FALSE(desk.windowFlags().testFlag(Qt::FramelessWindowHint));
    EXPECT_FALSE(desk.isFullScreen());
}

TEST(KioskWindowGui, EveryShortcutIsBlockedQuitToo)
{
    KioskWindow k;
    // Shortcuts that would fire with the menus hidden: the window's own (the playback keys
    // during a replay) and any added later, such as this one in the Alerts menu's way.
    k.window.setPlaybackVisible(true);
    QAction mute(QStringLiteral("Mute"));
    mute.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    k.window.alertsMenu()->addAction(&mute);
    QAction later(QStringLiteral("Settings"));
    later.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    k.window.addAction(&later);

    // The offscreen platform follows the Windows key scheme, where Quit has no key: give it the
    // one it has on Linux and macOS.
    auto *quit = k.window.findChild<QAction *>(QStringLiteral("action.quit"));
    ASSERT_NE(quit, nullptr);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    k.window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&k.window));
    const std::vector<QAction *> actions = shortcutActions(k.window);
    ASSERT_GE(actions.size(), 10u);
    ASSERT_NE(std::find(actions.begin(), actions.end(), quit), actions.end());
    QSignalSpy exits(&k.kiosk, &KioskController::exitRequested);
    for (QAction *action : actions) {
        QSignalSpy triggered(action, &QAction::triggered);
        QTest::keySequence(&k.window, action->shortcut());
        EXPECT_EQ(triggered.count(), 0) << action->text().toStdString();
    }
    EXPECT_TRUE(k.window.isFullScreen()); // F11 did not leave it
    EXPECT_TRUE(k.window.isVisible());    // Ctrl+Q did not close it
    // Nor does the window manager's close.
    EXPECT_FALSE(k.window.close());
    EXPECT_TRUE(k.window.isVisible());
    EXPECT_EQ(exits.count(), 0);
}

TEST(KioskWindowGui, TheExitChordEndsTheRunOnce)
{
    KioskWindow k;
    k.window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&k.window));
    QSignalSpy exits(&k.kiosk, &KioskController::exitRequested);
    QTest::keyClick(k.window.feedPanel()->view(), Qt::Key_Q, Qt::ControlModifier | Qt::AltModifier);
    EXPECT_EQ(exits.count(), 0) << "two modifiers short of the chord";
    QTest::keyClick(k.window.feedPanel()->view(), Qt::Key_Q,
                    Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier);
    EXPECT_EQ(exits.count(), 1);
    EXPECT_TRUE(k.window.close()) << "once the operator has left, the window may close";
}

TEST(KioskWindowGui, AConfiguredChordAndPinGuardTheWayOut)
{
    test::TestClock clock;
    DashboardModels models;
    MainWindow window(&models);
    window.setKioskMode(true);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    KioskController::Options options;
    options.exitChord = ExitChord::parse(QStringLiteral("Ctrl+Alt+F12"), nullptr);
    options.verifyPin = [](const QString &pin) { return pin == QLatin1String("2468"); };
    KioskController kiosk(&window, std::move(options), [&] { return clock.now(); });
    QSignalSpy exits(&kiosk, &KioskController::exitRequested);

    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier);
    EXPECT_EQ(kiosk.pinDialog(), nullptr) << "the default chord is replaced";
    QTest::keyClick(&window, Qt::Key_F12, Qt::ControlModifier | Qt::AltModifier);
    ASSERT_NE(kiosk.pinDialog(), nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return kiosk.pinDialog()->isVisible(); }, 5000));
    auto *edit = kiosk.pinDialog()->findChild<QLineEdit *>(QStringLiteral("pin.edit"));
    ASSERT_NE(edit, nullptr);
    // In the wall's type, as the window is.
    window.setTypeScale(2.0);
    EXPECT_EQ(edit->font().pixelSize(), 26);

    edit->setText(QStringLiteral("1357"));
    kiosk.pinDialog()->accept();
    EXPECT_EQ(exits.count(), 0);
    EXPECT_TRUE(kiosk.pinDialog()->isVisible());
    edit->setText(QStringLiteral("2468"));
    kiosk.pinDialog()->accept();
    EXPECT_EQ(exits.count(), 1);
}

TEST(KioskWindowGui, RotationSwitchesThePageOnItsClock)
{
    KioskWindow k;
    ASSERT_EQ(k.window.page(), MainWindow::Page::Overview);
    k.advance(kRotateMs - 1);
    EXPECT_EQ(k.window.page(), MainWindow::Page::Overview);
    k.advance(1);
    EXPECT_EQ(k.window.page(), MainWindow::Page::Map);
    EXPECT_TRUE(k.window.mapPage()->isVisible());
    k.advance(kRotateMs);
    EXPECT_EQ(k.window.page(), MainWindow::Page::Alerts);
    EXPECT_TRUE(k.window.alertsPage()->isVisible());
    k.advance(kRotateMs);
    EXPECT_EQ(k.window.page(), MainWindow::Page::Metrics);
    EXPECT_TRUE(k.window.findChild<QWidget *>(QStringLiteral("page.metrics"))->isVisible());
    k.advance(kRotateMs);
    EXPECT_EQ(k.window.page(), MainWindow::Page::Overview);
}

TEST(KioskWindowGui, AnyInputHoldsTheRotation)
{
    const std::pair<const char *, std::function<void(QWidget *)>> inputs[] = {
        {"key", [](QWidget *w) { QTest::keyClick(w, Qt::Key_Down); }},
        {"mouse press", [](QWidget *w) { QTest::mouseClick(w, Qt::LeftButton, {}, QPoint(20, 20)); }},
        {"mouse move", [](QWidget *w) { moveMouse(w, QPoint(30, 40)); }},
        {"wheel",
         [](QWidget *w) {
             QWheelEvent wheel(QPointF(20, 20), w->mapToGlobal(QPointF(20, 20)), QPoint(), QPoint(0, 120),
                               Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
             QApplication::sendEvent(w, &wheel);
         }},
    };
    for (const auto &[name, input] : inputs) {
        KioskWindow k;
        k.advance(20'000);
        ASSERT_FALSE(k.kiosk.rotationHeld()) << name;
        input(k.window.feedPanel()->view()->viewport());
        EXPECT_TRUE(k.kiosk.rotationHeld()) << name;
        k.advance(10'000); // the page's interval is over, the hold is not
        EXPECT_EQ(k.window.page(), MainWindow::Page::Overview) << name;
        k.advance(KioskController::holdMs - 10'000 - 1);
        EXPECT_EQ(k.window.page(), MainWindow::Page::Overview) << name;
        k.advance(1);
        EXPECT_EQ(k.window.page(), MainWindow::Page::Map) << name;
        EXPECT_FALSE(k.kiosk.rotationHeld()) << name;
    }
}

TEST(KioskWindowGui, CursorHidesWhenTheMouseRestsAndReturnsWhenItMoves)
{
    {
        KioskWindow k;
        EXPECT_FALSE(k.kiosk.cursorHidden());
        k.advance(KioskController::cursorIdleMs - 1);
        EXPECT_FALSE(k.kiosk.cursorHidden());
        k.advance(1);
        EXPECT_TRUE(k.kiosk.cursorHidden());
        ASSERT_NE(QGuiApplication::overrideCursor(), nullptr);
        EXPECT_EQ(QGuiApplication::overrideCursor()->shape(), Qt::BlankCursor);

        moveMouse(&k.window, QPoint(100, 100));
        EXPECT_FALSE(k.kiosk.cursorHidden());
        EXPECT_EQ(QGuiApplication::overrideCursor(), nullptr);

        k.advance(KioskController::cursorIdleMs);
        ASSERT_TRUE(k.kiosk.cursorHidden());
        moveMouse(&k.window, QPoint(100, 100)); // no move: the mouse is where it was
        EXPECT_TRUE(k.kiosk.cursorHidden());
        QTest::keyClick(&k.window, Qt::Key_Down); // a key is not the mouse
        EXPECT_TRUE(k.kiosk.cursorHidden());
    }
    EXPECT_EQ(QGuiApplication::overrideCursor(), nullptr); // the kiosk gives the cursor back
}
