#include "support/OverviewFixture.h"

#include <QLabel>
#include <QTextDocument>

#include <gtest/gtest.h>

// The window's status bar says how many lines a replay skipped, with the first messages (file and
// line) as a plain-text tooltip.

using namespace vantage;

namespace {

QLabel *skippedLabelAfter(test::OverviewFixture &o, const FeedStats &stats)
{
    o.applyStats(stats);
    return o.window.findChild<QLabel *>(QStringLiteral("status.skipped"));
}

// The tooltip as the operator reads it.
QString shownTooltip(const QLabel *label)
{
    QTextDocument document;
    document.setHtml(label->toolTip());
    return document.toPlainText();
}

} // namespace

TEST(ReplayStatusGui, HiddenUntilALineIsSkippedThenTheCountWithTheFirstMessages)
{
    test::OverviewFixture o;
    FeedStats stats;
    stats.replay.file = QStringLiteral("/logs/<b>session</b>.ndjson");
    QLabel *label = skippedLabelAfter(o, stats);
    ASSERT_NE(label, nullptr);
    EXPECT_FALSE(label->isVisible());
    EXPECT_FALSE(o.window.statusText().contains(QStringLiteral("skipped")));

    stats.replay.addSkipped(2, QLatin1String("invalid_json"), QLatin1String("not valid JSON"));
    skippedLabelAfter(o, stats);
    EXPECT_TRUE(label->isVisible());
    EXPECT_EQ(label->text(), QStringLiteral("1 line skipped"));
    EXPECT_EQ(label->textFormat(), Qt::PlainText);
    // The file name is shown as written, never as markup.
    EXPECT_EQ(shownTooltip(label),
              QStringLiteral("Replay file /logs/<b>session</b>.ndjson, line 2 skipped: not valid JSON"));
    EXPECT_TRUE(label->toolTip().contains(QStringLiteral("&lt;b&gt;session&lt;/b&gt;")));

    for (int line = 3; line <= 30; ++line)
        stats.replay.addSkipped(line, QLatin1String("not_an_object"),
                                QLatin1String("valid JSON, but not an object"));
    skippedLabelAfter(o, stats);
    EXPECT_EQ(label->text(), QStringLiteral("29 lines skipped"));
    EXPECT_TRUE(o.window.statusText().contains(QStringLiteral("29 lines skipped")));
    const QStringList shown = shownTooltip(label).split(QLatin1Char('\n'));
    ASSERT_EQ(shown.size(), 21);
    EXPECT_TRUE(shown[19].endsWith(QStringLiteral("line 21 skipped: valid JSON, but not an object")));
    EXPECT_EQ(shown[20], QStringLiteral("... and 9 more"));
}
