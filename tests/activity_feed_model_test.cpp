#include "models/ActivityFeedModel.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTextDocument>

using vantage::ActivityFeedModel;
using vantage::FeedItem;
using vantage::LiveEvent;

namespace {

FeedItem makeItem(int n, const QString &type = QStringLiteral("signup"))
{
    FeedItem item;
    item.tsMs = 1'700'000'000'000 + n;
    item.seq = n;
    item.event.id = QStringLiteral("e%1").arg(n);
    item.event.type = type;
    item.event.userName = QStringLiteral("user%1").arg(n);
    return item;
}

std::vector<FeedItem> makeItems(int from, int to)
{
    std::vector<FeedItem> items;
    for (int n = from; n <= to; ++n)
        items.push_back(makeItem(n));
    return items;
}

QString idAt(const ActivityFeedModel &model, int row)
{
    return model.index(row).data(ActivityFeedModel::EventIdRole).toString();
}

// What a QLabel or tooltip would show after interpreting the tooltip as rich text.
QString renderedText(const QString &html)
{
    QTextDocument doc;
    doc.setHtml(html);
    return doc.toPlainText();
}

} // namespace

TEST(ActivityFeedModel, OneInsertPerBatchNewestFirst)
{
    ActivityFeedModel model(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

    model.appendBatch(makeItems(1, 5));
    ASSERT_EQ(inserted.count(), 1);
    EXPECT_EQ(inserted.at(0).at(1).toInt(), 0);
    EXPECT_EQ(inserted.at(0).at(2).toInt(), 4);
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(idAt(model, 0), QStringLiteral("e5"));
    EXPECT_EQ(idAt(model, 4), QStringLiteral("e1"));

    model.appendBatch(makeItems(6, 8));
    EXPECT_EQ(inserted.count(), 2);
    ASSERT_EQ(model.rowCount(), 8);
    EXPECT_EQ(idAt(model, 0), QStringLiteral("e8"));
    EXPECT_EQ(idAt(model, 3), QStringLiteral("e5"));
    EXPECT_EQ(idAt(model, 7), QStringLiteral("e1"));
    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(layout.count(), 0);

    model.appendBatch({});
    EXPECT_EQ(inserted.count(), 2);
}

TEST(ActivityFeedModel, OverflowRemovesFromTheBottom)
{
    ActivityFeedModel model(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendBatch(makeItems(1, 4));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendBatch(makeItems(5, 7));
    ASSERT_EQ(removed.count(), 1);
    // 4 + 3 rows into 5: the two oldest (rows 2 and 3 of 4) leave.
    EXPECT_EQ(removed.at(0).at(1).toInt(), 2);
    EXPECT_EQ(removed.at(0).at(2).toInt(), 3);
    ASSERT_EQ(inserted.count(), 1);
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(idAt(model, 0), QStringLiteral("e7"));
    EXPECT_EQ(idAt(model, 4), QStringLiteral("e3"));
    EXPECT_EQ(model.totalAppended(), 7u);
}

TEST(ActivityFeedModel, BatchLargerThanCapacityKeepsTheNewest)
{
    ActivityFeedModel model(3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendBatch(makeItems(1, 2));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendBatch(makeItems(3, 10));
    EXPECT_EQ(removed.count(), 1);
    ASSERT_EQ(inserted.count(), 1);
    EXPECT_EQ(inserted.at(0).at(2).toInt(), 2);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(idAt(model, 0), QStringLiteral("e10"));
    EXPECT_EQ(idAt(model, 2), QStringLiteral("e8"));
    EXPECT_EQ(model.capacity(), 3);
}

TEST(ActivityFeedModel, Roles)
{
    ActivityFeedModel model(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    FeedItem payment;
    payment.tsMs = 1'700'000'123'456;
    payment.seq = 42;
    payment.event.id = QStringLiteral("p1");
    payment.event.type = QStringLiteral("payment");
    payment.event.userId = QStringLiteral("u9");
    payment.event.userName = QStringLiteral("Ana");
    payment.event.role = QStringLiteral("supplier");
    payment.event.description = QStringLiteral("Paid\ninvoice");
    payment.event.value = 120.5;
    payment.event.currency = QStringLiteral("EUR");
    payment.event.location.city = QStringLiteral("Lisbon");
    payment.event.location.country = QStringLiteral("PT");
    FeedItem bare = makeItem(2, QStringLiteral("custom"));
    model.appendBatch({payment, bare});

    const QModelIndex p = model.index(1);
    EXPECT_EQ(p.data(ActivityFeedModel::TypeRole).toString(), QStringLiteral("payment"));
    EXPECT_EQ(p.data(ActivityFeedModel::UserNameRole).toString(), QStringLiteral("Ana"));
    EXPECT_EQ(p.data(ActivityFeedModel::DescriptionRole).toString(), QStringLiteral("Paid\ninvoice"));
    EXPECT_DOUBLE_EQ(p.data(ActivityFeedModel::ValueRole).toDouble(), 120.5);
    EXPECT_EQ(p.data(ActivityFeedModel::CurrencyRole).toString(), QStringLiteral("EUR"));
    EXPECT_EQ(p.data(ActivityFeedModel::TimestampRole).toLongLong(), 1'700'000'123'456);
    EXPECT_EQ(p.data(ActivityFeedModel::UserRoleRole).toString(), QStringLiteral("supplier"));
    EXPECT_EQ(p.data(ActivityFeedModel::LocationRole).toString(), QStringLiteral("Lisbon, PT"));
    EXPECT_EQ(p.data(ActivityFeedModel::EventIdRole).toString(), QStringLiteral("p1"));
    EXPECT_EQ(p.data(ActivityFeedModel::SeqRole).toLongLong(), 42);
    EXPECT_EQ(p.data(ActivityFeedModel::UserIdRole).toString(), QStringLiteral("u9"));

    const QString summary = p.data(ActivityFeedModel::SummaryRole).toString();
    EXPECT_EQ(p.data(Qt::DisplayRole).toString(), summary);
    EXPECT_FALSE(summary.contains(QLatin1Char('\n')));
    EXPECT_TRUE(summary.contains(QStringLiteral("Ana")));
    EXPECT_TRUE(summary.contains(QStringLiteral("120.50 EUR")));
    EXPECT_TRUE(summary.contains(QStringLiteral("Lisbon, PT")));

    const QModelIndex b = model.index(0);
    EXPECT_FALSE(b.data(ActivityFeedModel::ValueRole).isValid());
    EXPECT_TRUE(b.data(ActivityFeedModel::LocationRole).toString().isEmpty());
    EXPECT_FALSE(b.data(ActivityFeedModel::SummaryRole).toString().contains(QStringLiteral("nan")));
}

TEST(ActivityFeedModel, TooltipShowsUntrustedTextLiterally)
{
    const QString hostile[] = {QStringLiteral("<b>x</b>"), QStringLiteral("<img src=http://127.0.0.1:9/x>"),
                               QStringLiteral("line1\n<b>z</b>"), QStringLiteral("Tom & Jerry")};
    ActivityFeedModel model(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    std::vector<FeedItem> items;
    for (const QString &text : hostile) {
        FeedItem item = makeItem(static_cast<int>(items.size()));
        item.event.userName = text;
        item.event.description = text;
        items.push_back(item);
    }
    model.appendBatch(items);

    for (int row = 0; row < 4; ++row) {
        const QString &text = hostile[3 - row];
        const QString tooltip = model.index(row).data(Qt::ToolTipRole).toString();
        EXPECT_FALSE(tooltip.contains(QStringLiteral("<b>"))) << tooltip.toStdString();
        EXPECT_FALSE(tooltip.contains(QStringLiteral("<img"))) << tooltip.toStdString();
        // Rendered as rich text, the tooltip shows the original characters.
        QString shown = renderedText(tooltip);
        shown.replace(QChar::LineSeparator, QLatin1Char('\n'));
        EXPECT_TRUE(shown.contains(text)) << shown.toStdString();
    }
    const QString last = model.index(0).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(last.contains(QStringLiteral("Tom &amp; Jerry"))) << last.toStdString();
}

TEST(ActivityFeedModel, ClearEmptiesTheFeed)
{
    ActivityFeedModel model(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendBatch(makeItems(1, 3));
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
    model.appendBatch(makeItems(4, 4));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(idAt(model, 0), QStringLiteral("e4"));
}
