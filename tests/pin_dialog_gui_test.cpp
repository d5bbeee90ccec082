#include "support/TestClock.h"
#include "ui/PinDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

const QString kPin = QStringLiteral("2468");

// A shown PinDialog on a clock the test moves, with a verifier that counts its calls.
struct PinDialogFixture
{
    test::TestClock clock;
    int verifyCalls = 0;
    PinDialog dialog{[this](const QString &pin) {
                         ++verifyCalls;
                         return pin == kPin;
                     },
                     [this] { return clock.now(); }};
    QSignalSpy accepted{&dialog, &QDialog::accepted};

    PinDialogFixture()
    {
        dialog.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    }

    QLineEdit *edit() const { return dialog.findChild<QLineEdit *>(QStringLiteral("pin.edit")); }
    QLabel *message() const { return dialog.findChild<QLabel *>(QStringLiteral("pin.message")); }
    QPushButton *ok() const { return dialog.findChild<QPushButton *>(QStringLiteral("pin.ok")); }

    void enter(const QString &pin)
    {
        QTest::keyClicks(edit(), pin);
        QTest::mouseClick(ok(), Qt::LeftButton);
    }

    void advance(qint64 ms)
    {
        clock.advance(ms);
        dialog.tick();
    }
};

} // namespace

TEST(PinDialogGuiTest, ChildrenAreFindableAndTheEditHidesDigits)
{
    PinDialogFixture f;
    ASSERT_NE(f.edit(), nullptr);
    ASSERT_NE(f.message(), nullptr);
    ASSERT_NE(f.ok(), nullptr);
    EXPECT_EQ(f.edit()->echoMode(), QLineEdit::Password);
    EXPECT_EQ(f.message()->textFormat(), Qt::PlainText);
    EXPECT_FALSE(f.ok()->isEnabled()) << "nothing typed yet";
}

TEST(PinDialogGuiTest, TakesDigitsOnly)
{
    PinDialogFixture f;
    QTest::keyClicks(f.edit(), QStringLiteral("2a4 6x8"));
    EXPECT_EQ(f.edit()->text(), kPin);
    EXPECT_TRUE(f.ok()->isEnabled());
}

TEST(PinDialogGuiTest, RightPinAccepts)
{
    PinDialogFixture f;
    f.enter(kPin);
    EXPECT_EQ(f.accepted.count(), 1);
    EXPECT_EQ(f.dialog.result(), QDialog::Accepted);
    EXPECT_FALSE(f.dialog.isVisible());
}

TEST(PinDialogGuiTest, ReturnKeySubmits)
{
    PinDialogFixture f;
    QTest::keyClicks(f.edit(), kPin);
    QTest::keyClick(f.edit(), Qt::Key_Return);
    EXPECT_EQ(f.accepted.count(), 1);
}

TEST(PinDialogGuiTest, WrongPinSaysSoAndStaysOpen)
{
    PinDialogFixture f;
    f.enter(QStringLiteral("1357"));
    EXPECT_EQ(f.accepted.count(), 0);
    EXPECT_TRUE(f.dialog.isVisible());
    EXPECT_EQ(f.message()->text(), QStringLiteral("Wrong PIN."));
    EXPECT_TRUE(f.edit()->text().isEmpty()) << "the next try starts from an empty field";
    EXPECT_FALSE(f.dialog.lockedOut());
}

TEST(PinDialogGuiTest, ThreeWrongPinsLockOutUntilTheClockPassesThirtySeconds)
{
    PinDialogFixture f;
    for (int i = 0; i < PinDialog::maxWrongInARow; ++i)
        f.enter(QStringLiteral("1357"));
    EXPECT_TRUE(f.dialog.lockedOut());
    EXPECT_EQ(f.message()->text(), QStringLiteral("Too many wrong PINs: try again in 30 s"));
    EXPECT_FALSE(f.edit()->isEnabled());
    EXPECT_FALSE(f.ok()->isEnabled());

    // Even the right PIN is refused, without being checked, while locked out.
    const int callsBefore = f.verifyCalls;
    f.edit()->setText(kPin);
    f.dialog.accept();
    EXPECT_EQ(f.accepted.count(), 0);
    EXPECT_EQ(f.verifyCalls, callsBefore);

    f.advance(10'500);
    EXPECT_EQ(f.message()->text(), QStringLiteral("Too many wrong PINs: try again in 20 s"));
    f.advance(19'499);
    EXPECT_TRUE(f.dialog.lockedOut());
    EXPECT_EQ(f.message()->text(), QStringLiteral("Too many wrong PINs: try again in 1 s"));

    f.advance(1);
    EXPECT_FALSE(f.dialog.lockedOut());
    EXPECT_TRUE(f.message()->text().isEmpty());
    EXPECT_TRUE(f.edit()->isEnabled());
    f.edit()->clear();
    f.enter(kPin);
    EXPECT_EQ(f.accepted.count(), 1);
}

TEST(PinDialogGuiTest, OnlyWrongPinsInARowLockOut)
{
    PinDialogFixture f;
    f.enter(QStringLiteral("1111"));
    f.enter(QStringLiteral("2222"));
    f.enter(kPin);
    ASSERT_EQ(f.accepted.count(), 1);

    f.dialog.show();
    f.enter(QStringLiteral("3333"));
    EXPECT_FALSE(f.dialog.lockedOut());
    EXPECT_EQ(f.message()->text(), QStringLiteral("Wrong PIN."));
}

TEST(PinDialogGuiTest, ClosingAndReopeningKeepsTheLockout)
{
    PinDialogFixture f;
    f.enter(QStringLiteral("1111"));
    f.enter(QStringLiteral("2222"));
    f.dialog.reject();
    f.dialog.show();
    f.enter(QStringLiteral("3333"));
    EXPECT_TRUE(f.dialog.lockedOut()) << "the third wrong PIN in a row, across a reopening";

    f.dialog.reject();
    f.dialog.show();
    f.advance(1'000);
    EXPECT_TRUE(f.dialog.lockedOut());
    EXPECT_EQ(f.message()->text(), QStringLiteral("Too many wrong PINs: try again in 29 s"));
}
