#pragma once

#include <QKeyCombination>
#include <QString>

#include <optional>

class QKeyEvent;

namespace vantage {

// The key chord that ends a kiosk run (docs/operations.md "Kiosk"): one key with at least two
// modifiers, so that a stray key press, or a cat on the keyboard, never exits a wall.
class ExitChord
{
public:
    // Portable text such as "Ctrl+Alt+Shift+Q" (modifier names in English, in any order and
    // case). nullopt, with the reason in `error` when given, for empty or unknown text, more
    // than one chord, a chord of modifiers only, fewer than two modifiers, or Shift with a key
    // whose character Shift changes (Shift+1 arrives as "!" on most layouts, so it could never
    // match).
    static std::optional<ExitChord> parse(const QString &text, QString *error);
    // Ctrl+Alt+Shift+Q.
    static ExitChord defaultChord();

    // The key event is this chord. The keypad modifier is ignored, and a letter matches in
    // either case, as Shift and Caps Lock make it arrive.
    bool matches(const QKeyEvent &event) const;
    // Portable text that parse() reads back: "Ctrl+Alt+Shift+Q".
    QString text() const;

    friend bool operator==(const ExitChord &, const ExitChord &) = default;

private:
    explicit ExitChord(QKeyCombination combination)
        : m_combination(combination)
    {}

    QKeyCombination m_combination;
};

} // namespace vantage
