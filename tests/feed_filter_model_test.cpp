#include "models/ActivityFeedModel.h"
#include "models/EventTypes.h"
#include "models/FeedFilterProxy.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>

using vantage::ActivityFeedModel;
using vantage::FeedFilterProxy;
using vantage::FeedItem;

namespace {

FeedItem makeItem(const QString &id, const QString &type, const QString &user, const QString &description,
                  const QString &city = QString())
{
    FeedItem item;
    item.event.id = id;
    item.event.type = type;
    item.event.userName = user;
    item.event.description = description;
    item.event.location.city = city;
    item.event.location.country = city.isEmpty() ? QString() : QStringLiteral("FR");
    return item;
}

QStringList ids(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, 0).data(ActivityFeedModel::EventIdRole).toString());
    return out;
}

class FeedFilterFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        proxy.setSourceModel(&feed);
        feed.appendBatch({
            makeItem(QStringLiteral("1"), QStringLiteral("signup"), QStringLiteral("Alice"),
                     QStringLiteral("joined")),
            makeItem(QStringLiteral("2"), QStringLiteral("payment"), QStringLiteral("Bob"),
                     QStringLiteral("paid invoice")),
            makeItem(QStringLiteral("3"), QStringLiteral("signup"), QStringLiteral("Carol"),
                     QStringLiteral("joined"), QStringLiteral("Paris")),
            makeItem(QStringLiteral("4"), QStringLiteral("invitation"), QStringLiteral("alice b"),
                     QStringLiteral("sent 3")),
        });
    }

    ActivityFeedModel feed{100};
    FeedFilterProxy proxy;
    QAbstractItemModelTester feedTester{&feed, QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester proxyTester{&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

} // namespace

TEST_F(FeedFilterFixture, NoFilterShowsEverythingNewestFirst)
{
    EXPECT_EQ(ids(proxy), (QStringList{QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("2"),
                                       QStringLiteral("1")}));
    EXPECT_TRUE(proxy.typeFilter().isEmpty());
    EXPECT_TRUE(proxy.textFilter().isEmpty());
}

TEST_F(FeedFilterFixture, ByType)
{
    QSignalSpy changed(&proxy, &FeedFilterProxy::filterChanged);
    proxy.setTypeFilter(QStringLiteral("signup"));
    EXPECT_EQ(proxy.typeFilter(), QStringLiteral("signup"));
    EXPECT_EQ(ids(proxy), (QStringList{QStringLiteral("3"), QStringLiteral("1")}));
    EXPECT_EQ(changed.count(), 1);

    proxy.setTypeFilters({QStringLiteral("payment"), QStringLiteral("invitation")});
    EXPECT_TRUE(proxy.typeFilter().isEmpty());
    EXPECT_EQ(ids(proxy), (QStringList{QStringLiteral("4"), QStringLiteral("2")}));

    proxy.setTypeFilter(QString());
    EXPECT_EQ(proxy.rowCount(), 4);
}

TEST_F(FeedFilterFixture, OtherTypesOnlyKeepsTheNonCanonicalTypes)
{
    QSignalSpy changed(&proxy, &FeedFilterProxy::filterChanged);
    proxy.setOtherTypesOnly(true);
    EXPECT_TRUE(proxy.otherTypesOnly());
    EXPECT_TRUE(proxy.typeFilter().isEmpty());
    EXPECT_EQ(proxy.rowCount(), 0);
    EXPECT_EQ(changed.count(), 1);

    // New types pass as they arrive, filtered row by row without re-filtering the feed.
    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    feed.appendBatch({
        makeItem(QStringLiteral("5"), QStringLiteral("review_posted"), QStringLiteral("Dan"), QString()),
        makeItem(QStringLiteral("6"), QStringLiteral("payment"), QStringLiteral("Eve"), QString()),
        makeItem(QStringLiteral("7"), QStringLiteral("vendor_verified"), QStringLiteral("Fay"), QString()),
        makeItem(QStringLiteral("8"), QString(), QStringLiteral("Gus"), QString()),
    });
    EXPECT_EQ(ids(proxy), (QStringList{QStringLiteral("8"), QStringLiteral("7"), QStringLiteral("5")}));
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(layout.count(), 0);

    proxy.setTextFilter(QStringLiteral("fay"));
    EXPECT_EQ(ids(proxy), QStringList{QStringLiteral("7")});
    proxy.setTextFilter(QString());

    // Choosing a type leaves the "other" mode; turning it off shows every type.
    proxy.setTypeFilter(QStringLiteral("signup"));
    EXPECT_FALSE(proxy.otherTypesOnly());
    EXPECT_EQ(ids(proxy), (QStringList{QStringLiteral("3"), QStringLiteral("1")}));
    proxy.setOtherTypesOnly(true);
    EXPECT_EQ(proxy.rowCount(), 3);
    proxy.setOtherTypesOnly(false);
    EXPECT_EQ(proxy.rowCount(), 8);
}

TEST(EventTypes, CanonicalTypes)
{
    for (const char *type : {"signup", "payment", "form_submission", "invitation"})
        EXPECT_TRUE(vantage::isCanonicalEventType(QString::fromLatin1(type))) << type;
    for (const char *type : {"", "Signup", "signups", "review_posted"})
        EXPECT_FALSE(vantage::isCanonicalEventType(QString::fromLatin1(type))) << type;
}

TEST_F(FeedFilterFixture, ByTextCaseInsensitiveOverNameDescriptionTypeLocation)
{
    proxy.setTextFilter(QStringLiteral("ALICE"));
    EXPECT_EQ(proxy.textFilter(), QStringLiteral("ALICE"));
    EXPECT_EQ(ids(proxy), (QStringList{QStringLiteral("4"), QStringLiteral("1")}));
    proxy.setTextFilter(QStringLiteral("invoice"));
    EXPECT_EQ(ids(proxy), QStringList{QStringLiteral("2")});
    proxy.setTextFilter(QStringLiteral("invit"));
    EXPECT_EQ(ids(proxy), QStringList{QStringLiteral("4")});
    proxy.setTextFilter(QStringLiteral("paris, fr"));
    EXPECT_EQ(ids(proxy), QStringList{QStringLiteral("3")});
    proxy.setTextFilter(QStringLiteral("nobody"));
    EXPECT_EQ(proxy.rowCount(), 0);
}

TEST_F(FeedFilterFixture, TypeAndTextCombined)
{
    proxy.setTypeFilter(QStringLiteral("signup"));
    proxy.setTextFilter(QStringLiteral("alice"));
    EXPECT_EQ(ids(proxy), QStringList{QStringLiteral("1")});
}

TEST_F(FeedFilterFixture, NewRowsAreFilteredAsTheyArrive)
{
    proxy.setTypeFilter(QStringLiteral("payment"));
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    feed.appendBatch(
        {makeItem(QStringLiteral("5"), QStringLiteral("payment"), QStringLiteral("Dan"), QString()),
         makeItem(QStringLiteral("6"), QStringLiteral("signup"), QStringLiteral("Eve"), QString())});
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_EQ(ids(proxy), (QStringList{QStringLiteral("5"), QStringLiteral("2")}));
}

TEST(FeedFilterProxy, WorksBehindAnotherProxy)
{
    ActivityFeedModel feed(10);
    QSortFilterProxyModel middle;
    middle.setSourceModel(&feed);
    FeedFilterProxy proxy;
    proxy.setSourceModel(&middle);
    QAbstractItemModelTester feedTester(&feed, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester middleTester(&middle, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    feed.appendBatch(
        {makeItem(QStringLiteral("1"), QStringLiteral("signup"), QStringLiteral("Zed"), QString()),
         makeItem(QStringLiteral("2"), QStringLiteral("payment"), QStringLiteral("Yan"), QString())});
    proxy.setTextFilter(QStringLiteral("zed"));
    EXPECT_EQ(ids(proxy), QStringList{QStringLiteral("1")});
    proxy.setTextFilter(QString());
    proxy.setOtherTypesOnly(true);
    EXPECT_EQ(proxy.rowCount(), 0);
    feed.appendBatch({makeItem(QStringLiteral("3"), QStringLiteral("custom"), QStringLiteral("Xi"), QString(),
                               QStringLiteral("Lyon"))});
    EXPECT_EQ(ids(proxy), QStringList{QStringLiteral("3")});
    proxy.setTextFilter(QStringLiteral("lyon, fr"));
    EXPECT_EQ(ids(proxy), QStringList{QStringLiteral("3")});
}

TEST_F(FeedFilterFixture, ByPlaceAsTheMapResolvesIt)
{
    // The map's resolver, stood in for by a rule whose answer the test knows.
    proxy.setPlaceOf([](const vantage::GeoLocation &location) {
        return location.city == QLatin1String("Paris") ? QStringLiteral("Paris, FR") : location.city;
    });
    QSignalSpy changed(&proxy, &FeedFilterProxy::filterChanged);
    proxy.setPlaceFilter(QStringLiteral("Paris, FR"));
    EXPECT_EQ(ids(proxy), QStringList{QStringLiteral("3")});
    EXPECT_EQ(changed.count(), 1);

    feed.appendBatch({makeItem(QStringLiteral("5"), QStringLiteral("payment"), QStringLiteral("Dan"),
                               QStringLiteral("paid"), QStringLiteral("Paris")),
                      makeItem(QStringLiteral("6"), QStringLiteral("payment"), QStringLiteral("Eve"),
                               QStringLiteral("paid"), QStringLiteral("Lyon"))});
    EXPECT_EQ(ids(proxy), (QStringList{QStringLiteral("5"), QStringLiteral("3")}));

    proxy.setTypeFilter(QStringLiteral("signup"));
    EXPECT_EQ(ids(proxy), QStringList{QStringLiteral("3")});
    proxy.setTypeFilter(QString());
    proxy.setPlaceFilter(QString());
    EXPECT_EQ(ids(proxy).size(), 6);
}
