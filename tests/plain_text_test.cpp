#include "models/ActivityFeedModel.h"
#include "models/PlainText.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>

using vantage::singleLine;

TEST(PlainText, EveryLineBreakBecomesOneSpace)
{
    const struct
    {
        char16_t breakChar;
        const char *name;
    } breaks[] = {{u'\n', "LF"},  {u'\r', "CR"},   {u'\v', "VT"},  {u'\f', "FF"},
                  {u'\t', "tab"}, {0x0085, "NEL"}, {0x2028, "LS"}, {0x2029, "PS"}};
    for (const auto &b : breaks) {
        const QString text = QStringLiteral("a") + QChar(b.breakChar) + QStringLiteral("b");
        EXPECT_EQ(singleLine(text), QStringLiteral("a b")) << b.name;
    }
    EXPECT_EQ(singleLine(QStringLiteral("one\r\ntwo")), QStringLiteral("one  two"));
}

TEST(PlainText, EverythingElseIsKeptLiterally)
{
    const QString text = QStringLiteral("<b>x</b> & \u00e9\u200b \U0001F600 \\n");
    EXPECT_EQ(singleLine(text), text);
    EXPECT_EQ(singleLine(QString()), QString());
}

TEST(PlainText, FeedSummaryIsOneLine)
{
    vantage::ActivityFeedModel model(4);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    vantage::FeedItem item;
    item.event.type = QStringLiteral("signup");
    item.event.userName = QStringLiteral("Ann\u2028Lee");
    item.event.description = QStringLiteral("first\u2029second\nthird");
    model.appendBatch({item});
    const QString summary = model.index(0, 0).data(vantage::ActivityFeedModel::SummaryRole).toString();
    EXPECT_EQ(summary, QStringLiteral("signup: Ann Lee \u2014 first second third"));
}
