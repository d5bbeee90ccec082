#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace vantage {

// Which pages rotate on which screen of a wall (--screens, or the "screens" of a settings file;
// docs/operations.md "Screens"). A screen is chosen by the name QScreen::name() reports
// ("HDMI-1"), by its place among the screens ("#0" is the first), or by "*": every screen no
// other entry chose. Pure data; ui/WallScreens opens the windows.
class ScreenLayout
{
public:
    // The pages a screen can show, in the order a screen shows them by default.
    static const QStringList &pageNames();

    // Every screen shows every page: the layout when none is given.
    static ScreenLayout everyScreen();

    // `SCREEN=page,page;SCREEN=page`, blanks around names allowed. The layout; else nullopt with
    // `*error` naming the entry, as in `HDMI-1: unknown page "mpa" (pages: overview, map, ...)`.
    static std::optional<ScreenLayout> parse(const QString &text, QString *error);
    // {"screens": [{"screen": "HDMI-1", "pages": ["overview", "map"]}, ...]}, validated as parse
    // does, errors naming the field (`screens[1].pages[0]: ...`). Other top-level keys are left
    // to the rest of the settings file.
    static std::optional<ScreenLayout> fromJson(QByteArrayView json, QString *error);

    // The pages of each screen, given the screens' names in QGuiApplication::screens() order:
    // the entry naming the screen, else the entry with its index, else "*". A screen no entry
    // matches gets no pages, and so no window: a screen plugged in for maintenance stays out of
    // the wall unless the layout has "*".
    std::vector<QStringList> assign(const QStringList &screenNames) const;

private:
    struct Entry
    {
        enum class Match { Name, Index, Any };
        Match match = Match::Any;
        QString name;  // Match::Name
        int index = 0; // Match::Index
        QStringList pages;
    };

    // Adds the entry for `screen` as written; an empty result means success, else what is
    // wrong with the screen (the page names are checked by the callers).
    QString add(const QString &screen, const QStringList &pages);
    const Entry *find(Entry::Match match, const QString &name, int index) const;

    std::vector<Entry> m_entries;
};

} // namespace vantage
