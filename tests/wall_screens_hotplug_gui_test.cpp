#include "ui/WallScreens.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>
#include <qpa/qplatformnativeinterface.h>

#include <gtest/gtest.h>

// WallScreens against real hotplug: the offscreen platform (Qt 6.4) changes its
// screens at run time when given a new configuration through its native
// interface ("setConfiguration", in qoffscreencommon.cpp), and reports added,
// removed and resized screens as a real one does. This needs a private QPA
// header (Qt6::GuiPrivate, Debian's qt6-base-private-dev).

using namespace vantage;
using namespace Qt::StringLiterals;

namespace {

// The offscreen platform's screens, set for a test and put back after it. The
// first screen is the one the application started with (named ""), kept so that
// a primary screen remains.
class OffscreenScreens {
public:
  OffscreenScreens()
      : m_native(QGuiApplication::platformNativeInterface()),
        m_set(reinterpret_cast<SetFn>(
            m_native->nativeResourceForIntegration("setConfiguration"))),
        m_get(reinterpret_cast<GetFn>(
            m_native->nativeResourceForIntegration("configuration"))),
        m_original(m_get ? m_get(m_native) : QJsonObject()) {}
  ~OffscreenScreens() {
    if (m_set)
      m_set(m_original, m_native);
  }

  bool available() const {
    return m_set && m_get && QGuiApplication::platformName() == "offscreen"_L1;
  }

  // Plugs in, removes and resizes screens so that these are there besides the
  // first.
  void set(const QJsonArray &screens) {
    QJsonArray all{m_original.value(u"screens"_s).toArray().at(0)};
    for (const QJsonValue &screen : screens)
      all.append(screen);
    QJsonObject configuration = m_original;
    configuration.insert(u"screens"_s, all);
    m_set(configuration, m_native);
  }

  static QJsonObject screen(const QString &name, const QRect &geometry) {
    return {{u"name"_s, name},
            {u"x"_s, geometry.x()},
            {u"y"_s, geometry.y()},
            {u"width"_s, geometry.width()},
            {u"height"_s, geometry.height()}};
  }

private:
  using SetFn = void (*)(const QJsonObject &, QPlatformNativeInterface *);
  using GetFn = QJsonObject (*)(QPlatformNativeInterface *);

  QPlatformNativeInterface *m_native;
  SetFn m_set;
  GetFn m_get;
  QJsonObject m_original;
};

const QRect hdmiGeometry(800, 0, 1920, 1080);
const QRect dpGeometry(2720, 0, 1280, 1024);

QScreen *screenNamed(const QString &name) {
  for (QScreen *screen : QGuiApplication::screens()) {
    if (screen->name() == name)
      return screen;
  }
  return nullptr;
}

ScreenLayout layoutOf(const QString &text) {
  QString error;
  std::optional<ScreenLayout> layout = ScreenLayout::parse(text, &error);
  EXPECT_TRUE(layout.has_value()) << error.toStdString();
  return layout.value_or(ScreenLayout::everyScreen());
}

WallScreens::WindowFactory plainWindows() {
  return [](QScreen *, const QStringList &) { return new QWidget; };
}

const WallScreens::ScreenWindow *windowOn(const WallScreens &wall,
                                          const QString &screenName) {
  for (const WallScreens::ScreenWindow &shown : wall.windows()) {
    if (shown.screen->name() == screenName)
      return &shown;
  }
  return nullptr;
}

bool fillsItsScreen(const WallScreens::ScreenWindow &shown) {
  return shown.window && shown.window->isVisible() &&
         shown.window->isFullScreen() &&
         shown.window->screen() == shown.screen &&
         shown.window->geometry() == shown.screen->geometry();
}

class WallScreensHotplug : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(m_screens.available())
        << "needs the offscreen platform of Qt 6.4+";
  }

  OffscreenScreens m_screens;
  QSignalSpy m_lastWindowClosed{qGuiApp, &QGuiApplication::lastWindowClosed};
};

} // namespace

TEST_F(WallScreensHotplug, OpensAWindowOnEachScreenPluggedIn) {
  const WallScreens wall(layoutOf(u"HDMI-1=overview,map;DP-2=alerts"_s),
                         plainWindows());
  EXPECT_TRUE(wall.windows().empty()); // the first screen is in no entry

  m_screens.set({OffscreenScreens::screen(u"HDMI-1"_s, hdmiGeometry)});
  ASSERT_EQ(wall.windows().size(), 1u);
  const WallScreens::ScreenWindow *hdmi = windowOn(wall, u"HDMI-1"_s);
  ASSERT_TRUE(hdmi);
  EXPECT_EQ(hdmi->pages, (QStringList{u"overview"_s, u"map"_s}));
  ASSERT_TRUE(QTest::qWaitFor([&] { return fillsItsScreen(*hdmi); }, 5000));
  EXPECT_EQ(hdmi->window->geometry(), hdmiGeometry);

  m_screens.set({OffscreenScreens::screen(u"HDMI-1"_s, hdmiGeometry),
                 OffscreenScreens::screen(u"DP-2"_s, dpGeometry)});
  ASSERT_EQ(wall.windows().size(), 2u);
  const WallScreens::ScreenWindow *dp = windowOn(wall, u"DP-2"_s);
  ASSERT_TRUE(dp);
  EXPECT_EQ(dp->pages, QStringList{u"alerts"_s});
  ASSERT_TRUE(QTest::qWaitFor([&] { return fillsItsScreen(*dp); }, 5000));
  EXPECT_EQ(dp->window->geometry(), dpGeometry);
}

TEST_F(WallScreensHotplug,
       DeletesTheWindowOfAScreenUnpluggedAndOpensOneWhenItReturns) {
  m_screens.set({OffscreenScreens::screen(u"HDMI-1"_s, hdmiGeometry),
                 OffscreenScreens::screen(u"DP-2"_s, dpGeometry)});
  const WallScreens wall(layoutOf(u"HDMI-1=overview;DP-2=alerts"_s),
                         plainWindows());
  ASSERT_EQ(wall.windows().size(), 2u);
  const QPointer<QWidget> hdmiWindow = windowOn(wall, u"HDMI-1"_s)->window;
  QWidget *const dpWindow = windowOn(wall, u"DP-2"_s)->window;

  m_screens.set({OffscreenScreens::screen(u"DP-2"_s, dpGeometry)});
  ASSERT_EQ(wall.windows().size(), 1u);
  EXPECT_EQ(windowOn(wall, u"DP-2"_s)->window, dpWindow);
  ASSERT_TRUE(hdmiWindow);
  EXPECT_FALSE(hdmiWindow->isVisible());
  ASSERT_TRUE(QTest::qWaitFor([&] { return hdmiWindow.isNull(); }, 5000));

  m_screens.set({OffscreenScreens::screen(u"HDMI-1"_s, hdmiGeometry),
                 OffscreenScreens::screen(u"DP-2"_s, dpGeometry)});
  ASSERT_EQ(wall.windows().size(), 2u);
  const WallScreens::ScreenWindow *back = windowOn(wall, u"HDMI-1"_s);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->screen, screenNamed(u"HDMI-1"_s));
  ASSERT_TRUE(QTest::qWaitFor([&] { return fillsItsScreen(*back); }, 5000));
  EXPECT_EQ(m_lastWindowClosed.count(), 0);
}

TEST_F(WallScreensHotplug, TakesTheWindowAlongWhenItsScreenChanges) {
  m_screens.set({OffscreenScreens::screen(u"DP-2"_s, dpGeometry)});
  const WallScreens wall(layoutOf(u"DP-2=metrics"_s), plainWindows());
  ASSERT_EQ(wall.windows().size(), 1u);
  const WallScreens::ScreenWindow &dp = wall.windows().front();
  ASSERT_TRUE(QTest::qWaitFor([&] { return fillsItsScreen(dp); }, 5000));
  QWidget *const window = dp.window;

  const QRect rotated(800, 0, 1080, 1920);
  m_screens.set({OffscreenScreens::screen(u"DP-2"_s, rotated)});
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return window->geometry() == rotated; }, 5000));
  EXPECT_TRUE(window->isFullScreen());
  ASSERT_EQ(wall.windows().size(), 1u);
  EXPECT_EQ(wall.windows().front().window, window);
}

TEST_F(WallScreensHotplug, RenumbersTheScreensWhenOneIsUnplugged) {
  // One at a time, so that they are numbered in this order (the platform adds
  // the screens of one configuration in the order of their names).
  m_screens.set({OffscreenScreens::screen(u"HDMI-1"_s, hdmiGeometry)});
  m_screens.set({OffscreenScreens::screen(u"HDMI-1"_s, hdmiGeometry),
                 OffscreenScreens::screen(u"DP-2"_s, dpGeometry)});
  ASSERT_EQ(QGuiApplication::screens().at(1)->name(), u"HDMI-1"_s);
  const WallScreens wall(layoutOf(u"#1=map;*=overview"_s), plainWindows());
  ASSERT_EQ(wall.windows().size(), 3u);
  EXPECT_EQ(windowOn(wall, u"HDMI-1"_s)->pages, QStringList{u"map"_s});
  EXPECT_EQ(windowOn(wall, u"DP-2"_s)->pages, QStringList{u"overview"_s});
  QWidget *const firstWindow = windowOn(wall, QString())->window;
  const QPointer<QWidget> dpOverview = windowOn(wall, u"DP-2"_s)->window;

  // DP-2 becomes the second screen, #1: it changes pages, and so window.
  m_screens.set({OffscreenScreens::screen(u"DP-2"_s, dpGeometry)});
  ASSERT_EQ(wall.windows().size(), 2u);
  const WallScreens::ScreenWindow *dp = windowOn(wall, u"DP-2"_s);
  ASSERT_TRUE(dp);
  EXPECT_EQ(dp->pages, QStringList{u"map"_s});
  EXPECT_NE(dp->window, dpOverview);
  ASSERT_TRUE(QTest::qWaitFor([&] { return dpOverview.isNull(); }, 5000));
  EXPECT_EQ(windowOn(wall, QString())->window, firstWindow);
  EXPECT_EQ(m_lastWindowClosed.count(), 0);
}
