#include "widgets/ConnectionBadge.h"
#include "widgets/ConnectionBadgeText.h"
#include "widgets/Theme.h"

#include <QImage>
#include <QTextDocument>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

constexpr qint64 now = 1'700'000'000'000;

ConnectionStatus status(ConnectionState state)
{
    ConnectionStatus s;
    s.state = state;
    s.transport = QStringLiteral("websocket");
    s.sinceMs = now - 1000;
    return s;
}

bool hasPixelOtherThan(const QImage &image, QRgb background)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) != background)
                return true;
        }
    }
    return false;
}

} // namespace

TEST(ConnectionBadgeText, SaysWhichTransportIsLive)
{
    ConnectionStatus s = status(ConnectionState::Live);
    s.transport = QStringLiteral("sse");
    EXPECT_EQ(ConnectionBadgeText::text(s, now, 0), QStringLiteral("Live \u00b7 SSE"));
    s.transport = QStringLiteral("polling");
    EXPECT_EQ(ConnectionBadgeText::text(s, now, 0), QStringLiteral("Live \u00b7 polling"));
    s.transport = QStringLiteral("demo");
    EXPECT_EQ(ConnectionBadgeText::text(s, now, 0), QStringLiteral("Live"));
}

TEST(ConnectionBadgeText, HalfOpenBreakerIsAProbe)
{
    ConnectionStatus s = status(ConnectionState::Connecting);
    s.breaker = BreakerState::HalfOpen;
    EXPECT_EQ(ConnectionBadgeText::text(s, now, 0), QStringLiteral("Probing\u2026 \u00b7 WebSocket"));
    s.breaker = BreakerState::Closed;
    EXPECT_EQ(ConnectionBadgeText::text(s, now, 0), QStringLiteral("Connecting\u2026 \u00b7 WebSocket"));
}

TEST(ConnectionBadgeText, Live)
{
    EXPECT_EQ(ConnectionBadgeText::text(status(ConnectionState::Live), now, 200), QStringLiteral("Live \u00b7 WebSocket"));
}

TEST(ConnectionBadgeText, PausedReplay)
{
    ConnectionStatus s = status(ConnectionState::Live);
    s.transport = QStringLiteral("replay");
    EXPECT_EQ(ConnectionBadgeText::text(s, now, 200), QStringLiteral("Playing"));
    s.paused = true;
    EXPECT_EQ(ConnectionBadgeText::text(s, now, 200), QStringLiteral("Paused"));
}

TEST(ConnectionBadgeText, Connecting)
{
    EXPECT_EQ(ConnectionBadgeText::text(status(ConnectionState::Connecting), now, -1),
              QStringLiteral("Connecting\u2026 \u00b7 WebSocket"));
}

TEST(ConnectionBadgeText, ReconnectingCountsDownInWholeSeconds)
{
    ConnectionStatus s = status(ConnectionState::Reconnecting);
    s.retryAtMs = now + 3'500;
    s.attempt = 3;
    EXPECT_EQ(ConnectionBadgeText::text(s, now, 1'000), QStringLiteral("Reconnecting in 4 s (attempt 3)"));
    EXPECT_EQ(ConnectionBadgeText::text(s, now + 3'000, 1'000), QStringLiteral("Reconnecting in 1 s (attempt 3)"));
    // Past the deadline it never goes negative.
    EXPECT_EQ(ConnectionBadgeText::text(s, now + 9'000, 1'000), QStringLiteral("Reconnecting in 0 s (attempt 3)"));
}

TEST(ConnectionBadgeText, OfflineWithStaleData)
{
    ConnectionStatus s = status(ConnectionState::Offline);
    s.retryAtMs = now + 52'000;
    s.attempt = 10;
    EXPECT_EQ(ConnectionBadgeText::text(s, now, 125'000),
              QStringLiteral("Offline (circuit open), next probe in 52 s \u00b7 data 2 min old"));
}

TEST(ConnectionBadgeText, ErrorCarriesTheReason)
{
    ConnectionStatus s = status(ConnectionState::Error);
    s.reason = QStringLiteral("HTTP 401 from relay");
    EXPECT_EQ(ConnectionBadgeText::text(s, now, -1), QStringLiteral("Error: HTTP 401 from relay"));
    s.reason.clear();
    EXPECT_EQ(ConnectionBadgeText::text(s, now, -1), QStringLiteral("Error"));
}

TEST(ConnectionBadgeText, ErrorThatRetriesSaysWhen)
{
    ConnectionStatus s = status(ConnectionState::Error);
    s.reason = QStringLiteral("HTTP 401 from relay");
    s.retryAtMs = now + 29'500;
    EXPECT_EQ(ConnectionBadgeText::text(s, now, -1), QStringLiteral("Error: HTTP 401 from relay \u00b7 retrying in 30 s"));
    EXPECT_EQ(ConnectionBadgeText::text(s, now + 40'000, 125'000),
              QStringLiteral("Error: HTTP 401 from relay \u00b7 retrying in 0 s \u00b7 data 2 min old"));
    // The server's words stay as they are, placeholders included.
    s.reason = QStringLiteral("closed (%2 %1)");
    EXPECT_EQ(ConnectionBadgeText::text(s, now, -1), QStringLiteral("Error: closed (%2 %1) \u00b7 retrying in 30 s"));
    s.reason.clear();
    EXPECT_EQ(ConnectionBadgeText::text(s, now, -1), QStringLiteral("Error \u00b7 retrying in 30 s"));
}

TEST(ConnectionBadgeText, IdleAndFinished)
{
    EXPECT_EQ(ConnectionBadgeText::text(status(ConnectionState::Idle), now, -1), QStringLiteral("Not connected"));
    EXPECT_EQ(ConnectionBadgeText::text(status(ConnectionState::Finished), now, 30'000),
              QStringLiteral("Replay finished \u00b7 data 30 s old"));
}

TEST(ConnectionBadgeText, DataAgeAppearsOnlyPastFiveSeconds)
{
    const ConnectionStatus live = status(ConnectionState::Live);
    EXPECT_EQ(ConnectionBadgeText::text(live, now, 5'000), QStringLiteral("Live \u00b7 WebSocket"));
    EXPECT_EQ(ConnectionBadgeText::text(live, now, 6'000), QStringLiteral("Live \u00b7 WebSocket \u00b7 data 6 s old"));
    EXPECT_EQ(ConnectionBadgeText::text(live, now, 3 * 3'600'000 + 5 * 60'000),
              QStringLiteral("Live \u00b7 WebSocket \u00b7 data 3 h 5 min old"));
}

TEST(ConnectionBadge, ShowsTheTextAndPaintsAPill)
{
    ConnectionBadge badge;
    badge.setTheme(Theme::dark());
    ConnectionStatus s = status(ConnectionState::Reconnecting);
    s.retryAtMs = now + 4'000;
    s.attempt = 2;
    badge.setStatus(s, now, 8'000);
    EXPECT_EQ(badge.text(), QStringLiteral("Reconnecting in 4 s (attempt 2) \u00b7 data 8 s old"));

    const QSize shortHint = [] {
        ConnectionBadge other;
        other.setStatus(status(ConnectionState::Live), now, 0);
        return other.sizeHint();
    }();
    EXPECT_GT(badge.sizeHint().width(), shortHint.width()); // the pill grows with its text

    badge.resize(badge.sizeHint());
    QImage image(badge.size(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    badge.render(&image);
    EXPECT_TRUE(hasPixelOtherThan(image, qRgba(0, 0, 0, 0)));
}

TEST(ConnectionBadge, ReasonInTooltipIsPlainText)
{
    ConnectionBadge badge;
    ConnectionStatus s = status(ConnectionState::Error);
    s.reason = QStringLiteral("<b>x</b> & more");
    badge.setStatus(s, now, -1);
    EXPECT_EQ(badge.text(), QStringLiteral("Error: <b>x</b> & more"));
    QTextDocument doc;
    doc.setHtml(badge.toolTip());
    EXPECT_TRUE(doc.toPlainText().contains(QStringLiteral("<b>x</b> & more")));
}
