#include "ui/ExitChord.h"

#include <QKeyEvent>
#include <QKeySequence>

#include <bit>

namespace vantage {

namespace {

constexpr Qt::KeyboardModifiers kChordModifiers =
    Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier | Qt::MetaModifier;

bool isModifierKey(Qt::Key key)
{
    switch (key) {
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_Shift:
    case Qt::Key_Meta:
    case Qt::Key_AltGr:
    case Qt::Key_Super_L:
    case Qt::Key_Super_R:
    case Qt::Key_Hyper_L:
    case Qt::Key_Hyper_R:
    case Qt::Key_CapsLock:
    case Qt::Key_NumLock: return true;
    default: return false;
    }
}

// Keys below Key_Escape are the characters they type; Shift turns all of them but letters into
// other characters on most layouts.
bool shiftChangesCharacter(Qt::Key key)
{
    const bool letter = key >= Qt::Key_A && key <= Qt::Key_Z;
    return key < Qt::Key_Escape && !letter;
}

} // namespace

std::optional<ExitChord> ExitChord::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    const auto invalid = [error](const QString &why) -> std::optional<ExitChord> {
        if (error)
            *error = why + QStringLiteral("; write it like ") + defaultChord().text();
        return std::nullopt;
    };
    const QString quoted = u'"' + trimmed + u'"';
    if (trimmed.isEmpty())
        return invalid(
            QStringLiteral("The exit chord is empty: it needs one key and at least two modifiers"));
    const QKeySequence sequence = QKeySequence::fromString(trimmed, QKeySequence::PortableText);
    for (int i = 0; i < sequence.count(); ++i) {
        if (sequence[i].key() == Qt::Key_unknown)
            return invalid(quoted + QStringLiteral(" is not a key chord"));
    }
    if (sequence.count() != 1)
        return invalid(quoted + QStringLiteral(" is a sequence of several chords, not one"));
    const QKeyCombination parsed = sequence[0];
    if (isModifierKey(parsed.key()))
        return invalid(quoted + QStringLiteral(" has modifiers but no key"));
    const Qt::KeyboardModifiers modifiers = parsed.keyboardModifiers() & kChordModifiers;
    if (std::popcount(uint(modifiers.toInt())) < 2)
        return invalid(quoted +
                       QStringLiteral(" has fewer than two modifiers (Ctrl, Alt, Shift, Meta): a wall "
                                      "must not exit on a stray key press"));
    if (modifiers.testFlag(Qt::ShiftModifier) && shiftChangesCharacter(parsed.key()))
        return invalid(quoted + QStringLiteral(" uses Shift with a key whose character Shift changes, so it "
                                               "could never be typed; use a letter or a function key"));
    return ExitChord(QKeyCombination(modifiers, parsed.key()));
}

ExitChord ExitChord::defaultChord()
{
    return ExitChord(QKeyCombination(Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier, Qt::Key_Q));
}

bool ExitChord::matches(const QKeyEvent &event) const
{
    int key = event.key();
    // Letters are Key_A..Key_Z, but a synthesized event may carry the typed lower-case character.
    if (key >= 'a' && key <= 'z')
        key -= 'a' - 'A';
    const Qt::KeyboardModifiers modifiers = event.modifiers() & ~Qt::KeypadModifier;
    // Shift+Tab arrives as Backtab.
    if (key == Qt::Key_Backtab && modifiers.testFlag(Qt::ShiftModifier))
        key = Qt::Key_Tab;
    return key == m_combination.key() && modifiers == m_combination.keyboardModifiers();
}

QString ExitChord::text() const
{
    return QKeySequence(m_combination).toString(QKeySequence::PortableText);
}

} // namespace vantage
