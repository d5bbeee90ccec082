#include "ui/ExitChord.h"

#include <QKeyEvent>

#include <gtest/gtest.h>

using vantage::ExitChord;

namespace {

QKeyEvent press(int key, Qt::KeyboardModifiers modifiers)
{
    return QKeyEvent(QEvent::KeyPress, key, modifiers);
}

// The parse error for `text`, empty when it parses.
QString errorFor(const char *text)
{
    QString error;
    EXPECT_FALSE(ExitChord::parse(QLatin1String(text), &error).has_value()) << text;
    return error;
}

constexpr Qt::KeyboardModifiers kCtrlAltShift = Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier;

} // namespace

TEST(ExitChordTest, DefaultIsCtrlAltShiftQ)
{
    EXPECT_EQ(ExitChord::defaultChord().text(), QStringLiteral("Ctrl+Alt+Shift+Q"));
}

TEST(ExitChordTest, ParsesPortableTextInAnyOrderAndCase)
{
    QString error;
    const std::optional<ExitChord> chord = ExitChord::parse(QStringLiteral(" shift+ctrl+alt+q "), &error);
    ASSERT_TRUE(chord.has_value()) << error.toStdString();
    EXPECT_EQ(*chord, ExitChord::defaultChord());
    EXPECT_EQ(chord->text(), QStringLiteral("Ctrl+Alt+Shift+Q"));
}

TEST(ExitChordTest, TextRoundTrips)
{
    const std::optional<ExitChord> chord = ExitChord::parse(QStringLiteral("Meta+Alt+F12"), nullptr);
    ASSERT_TRUE(chord.has_value());
    const std::optional<ExitChord> again = ExitChord::parse(chord->text(), nullptr);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(*again, *chord);
    EXPECT_NE(*chord, ExitChord::defaultChord());
}

TEST(ExitChordTest, EmptyTextIsRejected)
{
    EXPECT_TRUE(errorFor("  ").contains(QStringLiteral("empty")));
}

TEST(ExitChordTest, UnknownKeyIsRejected)
{
    EXPECT_TRUE(errorFor("Ctrl+Alt+Foo").contains(QStringLiteral("is not a key chord")));
    EXPECT_TRUE(errorFor("Ctrl+Alt+Q,").contains(QStringLiteral("is not a key chord")));
}

TEST(ExitChordTest, MoreThanOneChordIsRejected)
{
    EXPECT_TRUE(errorFor("Ctrl+Alt+Q, Ctrl+Alt+X").contains(QStringLiteral("several chords")));
}

TEST(ExitChordTest, ModifiersWithoutKeyAreRejected)
{
    EXPECT_TRUE(errorFor("Ctrl+Alt+Shift").contains(QStringLiteral("no key")));
}

TEST(ExitChordTest, FewerThanTwoModifiersAreRejectedAsStrayKeyPresses)
{
    for (const char *text : {"Q", "Ctrl+Q", "Shift+F1", "Num+Ctrl+1"}) {
        const QString error = errorFor(text);
        EXPECT_TRUE(error.contains(QStringLiteral("fewer than two modifiers"))) << text;
        EXPECT_TRUE(error.contains(QStringLiteral("stray key press"))) << text;
    }
}

TEST(ExitChordTest, ShiftWithAKeyItChangesIsRejected)
{
    EXPECT_TRUE(errorFor("Ctrl+Shift+1").contains(QStringLiteral("Shift changes")));
    EXPECT_TRUE(ExitChord::parse(QStringLiteral("Ctrl+Alt+1"), nullptr).has_value());
    EXPECT_TRUE(ExitChord::parse(QStringLiteral("Ctrl+Shift+F5"), nullptr).has_value());
}

TEST(ExitChordTest, ErrorsShowAnExample)
{
    EXPECT_TRUE(errorFor("Ctrl+Q").endsWith(QStringLiteral("Ctrl+Alt+Shift+Q")));
}

TEST(ExitChordTest, MatchesItsChordOnly)
{
    const ExitChord chord = ExitChord::defaultChord();
    EXPECT_TRUE(chord.matches(press(Qt::Key_Q, kCtrlAltShift)));
    EXPECT_FALSE(chord.matches(press(Qt::Key_Q, Qt::ControlModifier)));
    EXPECT_FALSE(chord.matches(press(Qt::Key_Q, kCtrlAltShift | Qt::MetaModifier)));
    EXPECT_FALSE(chord.matches(press(Qt::Key_W, kCtrlAltShift)));
    EXPECT_FALSE(chord.matches(press(Qt::Key_Shift, kCtrlAltShift)));
}

TEST(ExitChordTest, MatchesALetterInEitherCase)
{
    EXPECT_TRUE(ExitChord::defaultChord().matches(press('q', kCtrlAltShift)));
    EXPECT_FALSE(ExitChord::defaultChord().matches(press('w', kCtrlAltShift)));
}

TEST(ExitChordTest, IgnoresTheKeypadModifier)
{
    const std::optional<ExitChord> chord = ExitChord::parse(QStringLiteral("Ctrl+Alt+1"), nullptr);
    ASSERT_TRUE(chord.has_value());
    EXPECT_TRUE(chord->matches(press(Qt::Key_1, Qt::ControlModifier | Qt::AltModifier | Qt::KeypadModifier)));
    EXPECT_TRUE(chord->matches(press(Qt::Key_1, Qt::ControlModifier | Qt::AltModifier)));
}

TEST(ExitChordTest, ShiftTabArrivingAsBacktabMatches)
{
    const std::optional<ExitChord> chord = ExitChord::parse(QStringLiteral("Ctrl+Shift+Tab"), nullptr);
    ASSERT_TRUE(chord.has_value());
    EXPECT_TRUE(chord->matches(press(Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier)));
    EXPECT_FALSE(chord->matches(press(Qt::Key_Backtab, Qt::ControlModifier | Qt::AltModifier)));
}
