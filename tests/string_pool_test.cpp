#include "feed/Decoder.h"
#include "feed/StringPool.h"

#include <gtest/gtest.h>

#include <string>

using namespace vantage;

TEST(StringPool, ANameSeenAgainSharesTheFirstCopy)
{
    StringPool pool;
    const QString first = pool.intern("London");
    const QString second = pool.intern(std::string("London"));
    EXPECT_EQ(second, QStringLiteral("London"));
    EXPECT_EQ(first.constData(), second.constData());
    EXPECT_NE(pool.intern("Dublin").constData(), first.constData());
    EXPECT_EQ(pool.size(), 2u);
}

TEST(StringPool, ConvertsUtf8)
{
    StringPool pool;
    EXPECT_EQ(pool.intern("Zürich"), QStringLiteral("Zürich"));
    EXPECT_EQ(pool.intern(""), QString());
}

TEST(StringPool, LongTextIsConvertedEachTimeAndNotKept)
{
    StringPool pool;
    const std::string text(StringPool::kMaxBytes + 1, 'x');
    const QString first = pool.intern(text);
    EXPECT_EQ(first, QString::fromStdString(text));
    EXPECT_NE(pool.intern(text).constData(), first.constData());
    EXPECT_EQ(pool.size(), 0u);
}

TEST(StringPool, EverNewNamesNeverHoldMoreThanTheBound)
{
    StringPool pool;
    for (size_t i = 0; i < 3 * StringPool::kMaxEntries; ++i) {
        const std::string name = "name-" + std::to_string(i);
        EXPECT_EQ(pool.intern(name), QString::fromStdString(name));
        EXPECT_LE(pool.size(), StringPool::kMaxEntries);
    }
    const QString again = pool.intern("again");
    EXPECT_EQ(pool.intern("again").constData(), again.constData());
}

TEST(StringPool, EventsDecodedOneAfterTheOtherShareTheirRepeatedNames)
{
    const auto frame = [](const char *id, const char *user) -> QByteArray {
        return QByteArray(R"({"v":1,"type":"event","data":{"id":")") + id +
               R"(","type":"payment","user_id":")" + user +
               R"(","role":"couple","currency":"GBP","location":{"country":"GB","city":"London"}}})";
    };
    Decoder decoder;
    Message first;
    Message second;
    ASSERT_EQ(decoder.decode(frame("evt_1", "usr_1"), 0, 0, first), DecodeError::None);
    ASSERT_EQ(decoder.decode(frame("evt_2", "usr_2"), 0, 0, second), DecodeError::None);
    const auto &a = std::get<LiveEvent>(first.body);
    const auto &b = std::get<LiveEvent>(second.body);
    EXPECT_EQ(b.location.city, QStringLiteral("London"));
    EXPECT_EQ(first.wireType.constData(), second.wireType.constData());
    EXPECT_EQ(a.type.constData(), b.type.constData());
    EXPECT_EQ(a.role.constData(), b.role.constData());
    EXPECT_EQ(a.currency.constData(), b.currency.constData());
    EXPECT_EQ(a.location.country.constData(), b.location.country.constData());
    EXPECT_EQ(a.location.city.constData(), b.location.city.constData());
    EXPECT_EQ(b.id, QStringLiteral("evt_2"));
    EXPECT_NE(a.id.constData(), b.id.constData());
}
