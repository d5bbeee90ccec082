#include "app/KioskPin.h"

#include <QPasswordDigestor>
#include <QStringList>

#include <gtest/gtest.h>

using vantage::KioskPin;

TEST(KioskPinTest, ValidatesFourToTwelveDigits)
{
    EXPECT_EQ(KioskPin::validate(QStringLiteral("0000")), QString());
    EXPECT_EQ(KioskPin::validate(QStringLiteral("123456789012")), QString());
    EXPECT_TRUE(KioskPin::validate(QString()).contains(QStringLiteral("empty")));
    EXPECT_TRUE(KioskPin::validate(QStringLiteral("123")).contains(QStringLiteral("too short")));
    EXPECT_TRUE(KioskPin::validate(QStringLiteral("1234567890123")).contains(QStringLiteral("too long")));
    EXPECT_TRUE(KioskPin::validate(QStringLiteral("12a4")).contains(QStringLiteral("only the digits")));
    EXPECT_TRUE(KioskPin::validate(QStringLiteral(" 1234")).contains(QStringLiteral("only the digits")));
    // Arabic-Indic digits are digits to QChar, not to a keypad.
    EXPECT_TRUE(KioskPin::validate(QStringLiteral("\u0661\u0662\u0663\u0664"))
                    .contains(QStringLiteral("only the digits")));
}

TEST(KioskPinTest, HashHasTheDocumentedShapeAndHoldsNoPin)
{
    const QString stored = KioskPin::hash(QStringLiteral("482915"));
    const QStringList parts = stored.split(u'$');
    ASSERT_EQ(parts.size(), 4) << stored.toStdString();
    EXPECT_EQ(parts[0], QStringLiteral("pbkdf2-sha256"));
    EXPECT_EQ(parts[1], QString::number(KioskPin::iterations));
    EXPECT_EQ(QByteArray::fromBase64(parts[2].toLatin1()).size(), 16);
    EXPECT_EQ(QByteArray::fromBase64(parts[3].toLatin1()).size(), 32);
    EXPECT_FALSE(stored.contains(QStringLiteral("482915")));
}

TEST(KioskPinTest, RightPinVerifies)
{
    const QString stored = KioskPin::hash(QStringLiteral("482915"));
    EXPECT_TRUE(KioskPin::verify(QStringLiteral("482915"), stored));
}

TEST(KioskPinTest, WrongPinDoesNotVerify)
{
    const QString stored = KioskPin::hash(QStringLiteral("482915"));
    EXPECT_FALSE(KioskPin::verify(QStringLiteral("482916"), stored));
    EXPECT_FALSE(KioskPin::verify(QStringLiteral("48291"), stored));
    EXPECT_FALSE(KioskPin::verify(QString(), stored));
}

TEST(KioskPinTest, TwoHashesOfOnePinDifferButBothVerify)
{
    const QString first = KioskPin::hash(QStringLiteral("1234"));
    const QString second = KioskPin::hash(QStringLiteral("1234"));
    EXPECT_NE(first, second);
    EXPECT_NE(first.section(u'$', 2, 2), second.section(u'$', 2, 2));
    EXPECT_TRUE(KioskPin::verify(QStringLiteral("1234"), first));
    EXPECT_TRUE(KioskPin::verify(QStringLiteral("1234"), second));
}

TEST(KioskPinTest, MalformedStoredValuesNeverVerify)
{
    const QString pin = QStringLiteral("1234");
    const QStringList good = KioskPin::hash(pin).split(u'$');
    ASSERT_EQ(good.size(), 4);
    const auto with = [&good](int index, const QString &part) {
        QStringList parts = good;
        parts[index] = part;
        return parts.join(u'$');
    };
    const QStringList malformed = {
        QString(),
        pin,
        good.mid(0, 3).join(u'$'),
        good.join(u'$') + QStringLiteral("$extra"),
        with(0, QStringLiteral("pbkdf2-sha1")),
        with(1, QStringLiteral("0")),
        with(1, QStringLiteral("-5")),
        with(1, QStringLiteral("many")),
        with(1, QStringLiteral("2000000000")),
        with(2, QString()),
        with(2, QStringLiteral("not*base64")),
        with(2, QStringLiteral("c2hvcnQ=")),
        with(3, QStringLiteral("not*base64")),
        with(3, QString::fromLatin1(QByteArray(31, 'x').toBase64())),
    };
    EXPECT_TRUE(KioskPin::verify(pin, good.join(u'$')));
    for (const QString &stored : malformed)
        EXPECT_FALSE(KioskPin::verify(pin, stored)) << stored.toStdString();
}

TEST(KioskPinTest, VerifiesWithTheIterationCountStored)
{
    // A hash made with another count (an older default) still verifies: the count travels with it.
    const QByteArray salt("0123456789abcdef");
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256,
                                                              QByteArrayLiteral("2468"), salt, 1000, 32);
    const QString stored = QStringLiteral("pbkdf2-sha256$1000$") + QLatin1String(salt.toBase64()) + u'$' +
                           QLatin1String(key.toBase64());
    EXPECT_TRUE(KioskPin::verify(QStringLiteral("2468"), stored));
    EXPECT_FALSE(KioskPin::verify(QStringLiteral("2469"), stored));
}
