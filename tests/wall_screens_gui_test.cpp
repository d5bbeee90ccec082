#include "ui/WallScreens.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <utility>
#include <vector>

// WallScreens on the screens the test platform has (offscreen: one). A screen going and coming
// back is played through arrange() with that real screen: making the platform itself add, remove
// or resize screens takes its native interface, a private Qt header this target does not use.

using namespace vantage;
using namespace Qt::StringLiterals;

namespace {

// Makes plain windows and remembers what it was asked for.
struct WindowMaker
{
    std::vector<std::pair<QScreen *, QStringList>> calls;
    bool decline = false;

    WallScreens::WindowFactory factory()
    {
        return [this](QScreen *screen, const QStringList &pages) -> QWidget * {
            calls.emplace_back(screen, pages);
            return decline ? nullptr : new QWidget;
        };
    }
};

ScreenLayout layoutOf(const QString &text)
{
    QString error;
    std::optional<ScreenLayout> layout = ScreenLayout::parse(text, &error);
    EXPECT_TRUE(layout.has_value()) << error.toStdString();
    return layout.value_or(ScreenLayout::everyScreen());
}

QScreen *onlyScreen()
{
    return QGuiApplication::primaryScreen();
}

} // namespace

TEST(WallScreens, OpensAFullScreenWindowOnEachScreenWithItsPages)
{
    WindowMaker maker;
    const WallScreens wall(ScreenLayout::everyScreen(), maker.factory());
    const QList<QScreen *> screens = QGuiApplication::screens();
    ASSERT_EQ(wall.windows().size(), size_t(screens.size()));
    ASSERT_EQ(maker.calls.size(), size_t(screens.size()));
    for (qsizetype i = 0; i < screens.size(); ++i) {
        const WallScreens::ScreenWindow &shown = wall.windows()[size_t(i)];
        EXPECT_EQ(shown.screen, screens[i]);
        EXPECT_EQ(shown.pages, ScreenLayout::pageNames());
        EXPECT_EQ(maker.calls[size_t(i)], std::make_pair(screens[i], ScreenLayout::pageNames()));
        ASSERT_TRUE(shown.window);
        EXPECT_TRUE(shown.window->isVisible());
        EXPECT_TRUE(shown.window->isFullScreen());
        EXPECT_EQ(shown.window->screen(), screens[i]);
        ASSERT_TRUE(
            QTest::qWaitFor([&] { return shown.window->geometry() == screens[i]->geometry(); }, 5000));
    }
}

TEST(WallScreens, AScreenWithoutPagesGetsNoWindow)
{
    WindowMaker maker;
    const WallScreens wall(layoutOf(u"#5=map;NOT-PLUGGED=alerts"_s), maker.factory());
    EXPECT_TRUE(wall.windows().empty());
    EXPECT_TRUE(maker.calls.empty());
}

TEST(WallScreens, AScreenTheFactoryDeclinesGetsNoWindow)
{
    WindowMaker maker;
    maker.decline = true;
    const WallScreens wall(ScreenLayout::everyScreen(), maker.factory());
    EXPECT_FALSE(maker.calls.empty());
    EXPECT_TRUE(wall.windows().empty());
}

TEST(WallScreens, HidesAndDeletesTheWindowOfAScreenThatIsGone)
{
    QSignalSpy lastWindowClosed(qGuiApp, &QGuiApplication::lastWindowClosed);
    WindowMaker maker;
    WallScreens wall(layoutOf(u"#0=overview,map"_s), maker.factory());
    ASSERT_EQ(wall.windows().size(), 1u);
    const QPointer<QWidget> window = wall.windows().front().window;

    wall.arrange({});
    EXPECT_TRUE(wall.windows().empty());
    ASSERT_TRUE(window);
    EXPECT_FALSE(window->isVisible()); // at once, before its deletion
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.isNull(); }, 5000));
    EXPECT_EQ(lastWindowClosed.count(), 0);
}

TEST(WallScreens, GivesAScreenThatReturnsANewWindow)
{
    WindowMaker maker;
    WallScreens wall(layoutOf(u"#0=alerts"_s), maker.factory());
    wall.arrange({});
    wall.arrange({onlyScreen()});
    ASSERT_EQ(wall.windows().size(), 1u);
    EXPECT_EQ(maker.calls.size(), 2u);
    const WallScreens::ScreenWindow &shown = wall.windows().front();
    ASSERT_TRUE(shown.window);
    EXPECT_EQ(shown.screen, onlyScreen());
    EXPECT_EQ(shown.pages, QStringList{u"alerts"_s});
    EXPECT_TRUE(shown.window->isVisible());
}

TEST(WallScreens, KeepsTheWindowOfAScreenWhosePagesStay)
{
    WindowMaker maker;
    WallScreens wall(ScreenLayout::everyScreen(), maker.factory());
    ASSERT_FALSE(wall.windows().empty());
    QWidget *const before = wall.windows().front().window;
    wall.arrange(QGuiApplication::screens());
    EXPECT_EQ(wall.windows().front().window, before);
    EXPECT_EQ(maker.calls.size(), size_t(QGuiApplication::screens().size()));
}

TEST(WallScreens, DeletesItsWindowsWithIt)
{
    WindowMaker maker;
    QPointer<QWidget> window;
    {
        const WallScreens wall(ScreenLayout::everyScreen(), maker.factory());
        ASSERT_FALSE(wall.windows().empty());
        window = wall.windows().front().window;
        ASSERT_TRUE(window);
    }
    EXPECT_TRUE(window.isNull());
}
