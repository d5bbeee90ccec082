#include "support/TestClock.h"
#include "widgets/ToastStack.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QVBoxLayout>

#include <gtest/gtest.h>

// The in-window toasts: stacked over the parent's bottom-right corner, newest at the bottom,
// at most four, expiring by the injected clock, dismissed by a click, plain text, a stripe in
// the theme's colour, and never taking focus or the mouse outside the toasts.

using vantage::NotificationRequest;
using vantage::Severity;
using vantage::Theme;
using vantage::ToastStack;
using vantage::test::TestClock;
using Kind = NotificationRequest::Kind;

namespace {

NotificationRequest request(const QString &title, Kind kind = Kind::Signup,
                            Severity severity = Severity::Info)
{
    NotificationRequest r;
    r.kind = kind;
    r.key = title;
    r.severity = severity;
    r.title = title;
    r.body = QStringLiteral("Ana Lima");
    return r;
}

QString title(int i)
{
    return QStringLiteral("Toast %1").arg(i);
}

// Colours within a small distance: styles may blend edges.
bool near(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 8 && std::abs(a.green() - b.green()) <= 8 &&
           std::abs(a.blue() - b.blue()) <= 8;
}

// The stripe's colour, sampled in its middle.
QColor stripeColor(QWidget *toast)
{
    auto *stripe = toast->findChild<QWidget *>(QStringLiteral("toastStripe"));
    if (!stripe)
        return {};
    const QPoint middle = stripe->geometry().center();
    return toast->grab().toImage().pixelColor(middle);
}

class ToastStackGui : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_parent.resize(800, 600);
        m_parent.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_parent));
    }

    // The toast's rectangle in the parent's coordinates.
    QRect inParent(int index) const
    {
        QWidget *toast = m_stack->toastAt(index);
        return QRect(toast->mapTo(&m_parent, QPoint(0, 0)), toast->size());
    }

    TestClock m_clock;
    QWidget m_parent;
    ToastStack *m_stack = new ToastStack(&m_parent, [this] { return m_clock.now(); });
};

} // namespace

TEST_F(ToastStackGui, NewestAtTheBottomOldestDroppedBeyondFour)
{
    EXPECT_FALSE(m_stack->isVisible());
    for (int i = 1; i <= 5; ++i)
        m_stack->push(request(title(i)));
    EXPECT_TRUE(m_stack->isVisible());
    ASSERT_EQ(m_stack->count(), 4);
    EXPECT_EQ(m_stack->titles(), (QStringList{title(2), title(3), title(4), title(5)}));
    for (int i = 1; i < 4; ++i)
        EXPECT_GT(inParent(i).top(), inParent(i - 1).bottom());

    const QRect newest = inParent(3);
    EXPECT_EQ(m_parent.width() - 1 - newest.right(), 16);
    EXPECT_EQ(m_parent.height() - 1 - newest.bottom(), 16);
}

TEST_F(ToastStackGui, FollowsTheParentsResize)
{
    m_stack->push(request(title(1)));
    m_parent.resize(1000, 700);
    // The platform may deliver the window's resize later.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return inParent(0).bottomRight() == QPoint(1000 - 17, 700 - 17); }, 5000));
}

TEST_F(ToastStackGui, TheMaximumIsASetting)
{
    for (int i = 1; i <= 4; ++i)
        m_stack->push(request(title(i)));
    m_stack->setMaxToasts(2);
    EXPECT_EQ(m_stack->titles(), (QStringList{title(3), title(4)}));
    m_stack->push(request(title(5)));
    EXPECT_EQ(m_stack->titles(), (QStringList{title(4), title(5)}));
}

TEST_F(ToastStackGui, EachExpiresAfterTheDurationByTheInjectedClock)
{
    const qint64 start = m_clock.now();
    m_stack->push(request(title(1)));
    m_clock.advance(3000);
    m_stack->push(request(title(2)));

    m_stack->expire(start + ToastStack::defaultDurationMs - 1);
    EXPECT_EQ(m_stack->count(), 2);
    m_stack->expire(start + ToastStack::defaultDurationMs);
    EXPECT_EQ(m_stack->titles(), QStringList{title(2)});
    m_stack->expire(start + 3000 + ToastStack::defaultDurationMs);
    EXPECT_EQ(m_stack->count(), 0);
    EXPECT_FALSE(m_stack->isVisible());
}

TEST_F(ToastStackGui, TheDurationIsASetting)
{
    m_stack->setDurationMs(500);
    m_stack->push(request(title(1)));
    m_stack->expire(m_clock.now() + 499);
    EXPECT_EQ(m_stack->count(), 1);
    m_stack->expire(m_clock.now() + 500);
    EXPECT_EQ(m_stack->count(), 0);
}

TEST_F(ToastStackGui, TheTimerExpiresToastsByTheClock)
{
    m_stack->push(request(title(1)));
    m_clock.advance(ToastStack::defaultDurationMs);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_stack->count() == 0; }, 5000));
}

TEST_F(ToastStackGui, AClickDismissesTheToast)
{
    for (int i = 1; i <= 3; ++i)
        m_stack->push(request(title(i)));
    QTest::mouseClick(m_stack->toastAt(1), Qt::LeftButton);
    EXPECT_EQ(m_stack->titles(), (QStringList{title(1), title(3)}));
    QTest::mouseClick(m_stack->toastAt(1)->findChild<QLabel *>(QStringLiteral("toast.title")),
                      Qt::LeftButton);
    EXPECT_EQ(m_stack->titles(), QStringList{title(1)});
}

TEST_F(ToastStackGui, TheMouseReachesTheWidgetsBetweenAndAroundTheToasts)
{
    m_stack->push(request(title(1)));
    m_stack->push(request(title(2)));
    const QPoint inToast = inParent(0).center();
    const QPoint inGap((inParent(0).left() + inParent(0).right()) / 2, inParent(0).bottom() + 4);
    QWidget *atToast = m_parent.childAt(inToast);
    ASSERT_NE(atToast, nullptr);
    EXPECT_TRUE(atToast == m_stack->toastAt(0) || m_stack->toastAt(0)->isAncestorOf(atToast));
    EXPECT_EQ(m_parent.childAt(inGap), nullptr);
    EXPECT_EQ(m_parent.childAt(QPoint(10, 10)), nullptr);
}

TEST_F(ToastStackGui, TextIsPlain)
{
    NotificationRequest r = request(QStringLiteral("<b>Bold</b> & co"));
    r.body = QStringLiteral("<img src=x>");
    m_stack->push(r);
    auto *titleLabel = m_stack->toastAt(0)->findChild<QLabel *>(QStringLiteral("toast.title"));
    auto *bodyLabel = m_stack->toastAt(0)->findChild<QLabel *>(QStringLiteral("toast.body"));
    ASSERT_NE(titleLabel, nullptr);
    ASSERT_NE(bodyLabel, nullptr);
    EXPECT_EQ(titleLabel->textFormat(), Qt::PlainText);
    EXPECT_EQ(titleLabel->text(), r.title);
    EXPECT_EQ(bodyLabel->textFormat(), Qt::PlainText);
    EXPECT_EQ(bodyLabel->text(), r.body);
}

TEST_F(ToastStackGui, ALongBodyIsShortened)
{
    NotificationRequest r = request(title(1));
    r.body = QString(1000, u'x');
    m_stack->push(r);
    const QString shown = m_stack->toastAt(0)->findChild<QLabel *>(QStringLiteral("toast.body"))->text();
    EXPECT_EQ(shown.size(), 280);
    EXPECT_TRUE(shown.endsWith(QChar(0x2026)));
}

TEST_F(ToastStackGui, TheStripeTakesTheThemesColourAndFollowsThemeChanges)
{
    const Theme dark = Theme::dark();
    m_stack->setTheme(dark);
    m_stack->push(request(QStringLiteral("Critical alert"), Kind::Alert, Severity::Critical));
    m_stack->push(request(QStringLiteral("New payment"), Kind::Payment));
    EXPECT_TRUE(near(stripeColor(m_stack->toastAt(0)), dark.severityColor(Severity::Critical)));
    EXPECT_TRUE(near(stripeColor(m_stack->toastAt(1)), dark.eventTypeColor(QStringLiteral("payment"))));

    const Theme light = Theme::light();
    m_stack->setTheme(light);
    EXPECT_TRUE(near(stripeColor(m_stack->toastAt(0)), light.severityColor(Severity::Critical)));
}

TEST(ToastStackFocus, AFocusedLineEditKeepsFocusWhileToastsComeAndGo)
{
    QWidget window;
    auto *edit = new QLineEdit(&window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(edit);
    layout->addStretch(1);
    window.resize(800, 600);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    edit->setFocus();
    ASSERT_TRUE(QTest::qWaitFor([&] { return edit->hasFocus(); }, 5000));

    TestClock clock;
    auto *stack = new ToastStack(&window, [&clock] { return clock.now(); });
    for (int i = 1; i <= 6; ++i)
        stack->push(request(title(i)));
    QTest::mouseClick(stack->toastAt(0), Qt::LeftButton);
    stack->expire(clock.now() + ToastStack::defaultDurationMs);
    QApplication::processEvents();

    EXPECT_FALSE(stack->isWindow());
    EXPECT_EQ(stack->focusPolicy(), Qt::NoFocus);
    EXPECT_EQ(QApplication::activeWindow(), &window);
    EXPECT_EQ(QApplication::focusWidget(), edit);
    EXPECT_TRUE(edit->hasFocus());
}

TEST(ToastStackFocus, ToastsNeitherTakeNorAcceptFocus)
{
    QWidget window;
    auto *stack = new ToastStack(&window);
    stack->push(request(title(1)));
    QWidget *toast = stack->toastAt(0);
    ASSERT_NE(toast, nullptr);
    EXPECT_FALSE(toast->isWindow());
    EXPECT_TRUE(toast->testAttribute(Qt::WA_ShowWithoutActivating));
    EXPECT_EQ(toast->focusPolicy(), Qt::NoFocus);
    const QList<QWidget *> children = toast->findChildren<QWidget *>();
    for (QWidget *child : children)
        EXPECT_EQ(child->focusPolicy(), Qt::NoFocus) << child->objectName().toStdString();
}
