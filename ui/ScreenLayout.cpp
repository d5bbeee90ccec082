#include "ui/ScreenLayout.h"

#include "ui/PageNames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vantage {

namespace {

std::optional<ScreenLayout> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

// Empty when `page` is one of the page names; else what is wrong with it.
QString pageProblem(const QString &page)
{
    if (page.isEmpty())
        return u"a page name is empty"_s;
    if (!ScreenLayout::pageNames().contains(page))
        return u"unknown page \"%1\" (pages: %2)"_s.arg(page, ScreenLayout::pageNames().join(u", "_s));
    return {};
}

// "#12" -> 12; nullopt for anything but '#' and decimal digits that fit an int.
std::optional<int> screenIndex(QStringView screen)
{
    const QStringView digits = screen.sliced(1);
    const bool allDigits = !digits.isEmpty() && std::all_of(digits.begin(), digits.end(),
                                                            [](QChar c) { return c >= u'0' && c <= u'9'; });
    bool ok = false;
    const int index = digits.toInt(&ok);
    if (!allDigits || !ok)
        return std::nullopt;
    return index;
}

} // namespace

const QStringList &ScreenLayout::pageNames()
{
    static const QStringList names = allPageNames();
    return names;
}

ScreenLayout ScreenLayout::everyScreen()
{
    ScreenLayout layout;
    layout.add(u"*"_s, pageNames());
    return layout;
}

std::optional<ScreenLayout> ScreenLayout::parse(const QString &text, QString *error)
{
    ScreenLayout layout;
    for (const QString &part : text.split(u';')) {
        const QString entry = part.trimmed();
        if (entry.isEmpty()) // a trailing ';' is harmless
            continue;
        const auto problem = [&](const QString &what) {
            return fail(error, u'"' + entry + u"\": "_s + what);
        };
        const qsizetype equals = entry.indexOf(u'=');
        if (equals < 0)
            return problem(u"expected SCREEN=page,page"_s);
        const QString pageList = entry.sliced(equals + 1).trimmed();
        if (pageList.isEmpty())
            return problem(u"no pages"_s);
        QStringList pages;
        for (const QString &page : pageList.split(u',')) {
            pages.append(page.trimmed());
            const QString wrongPage = pageProblem(pages.last());
            if (!wrongPage.isEmpty())
                return problem(wrongPage);
        }
        const QString wrongScreen = layout.add(entry.first(equals).trimmed(), pages);
        if (!wrongScreen.isEmpty())
            return problem(wrongScreen);
    }
    if (layout.m_entries.empty())
        return fail(error, u"no screens given: expected SCREEN=page,page;SCREEN=page"_s);
    return layout;
}

std::optional<ScreenLayout> ScreenLayout::fromJson(QByteArrayView json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(error,
                    u"not JSON: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!document.isObject())
        return fail(error, u"not a JSON object"_s);
    const QJsonValue screens = document.object().value(u"screens"_s);
    if (screens.isUndefined())
        return fail(error, u"screens: missing"_s);
    if (!screens.isArray())
        return fail(error, u"screens: not an array"_s);
    const QJsonArray entries = screens.toArray();
    if (entries.isEmpty())
        return fail(error, u"screens: no screens given"_s);

    ScreenLayout layout;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString at = u"screens[%1]"_s.arg(i);
        if (!entries[i].isObject())
            return fail(error, at + u": not an object"_s);
        const QJsonObject entry = entries[i].toObject();
        // A typo in a key is reported rather than taken for a missing field.
        for (auto it = entry.constBegin(); it != entry.constEnd(); ++it) {
            if (it.key() != "screen"_L1 && it.key() != "pages"_L1)
                return fail(error, at + u": unknown field \""_s + it.key() + u'"');
        }
        const QJsonValue screen = entry.value(u"screen"_s);
        if (!screen.isString()) {
            return fail(error,
                        at + (screen.isUndefined() ? u".screen: missing"_s : u".screen: not a string"_s));
        }
        const QJsonValue pageArray = entry.value(u"pages"_s);
        if (!pageArray.isArray()) {
            return fail(error,
                        at + (pageArray.isUndefined() ? u".pages: missing"_s : u".pages: not an array"_s));
        }
        if (pageArray.toArray().isEmpty())
            return fail(error, at + u".pages: no pages"_s);
        QStringList pages;
        for (const auto &page : pageArray.toArray()) {
            const QString pageAt = at + u".pages[%1]: "_s.arg(pages.size());
            if (!page.isString())
                return fail(error, pageAt + u"not a string"_s);
            pages.append(page.toString());
            const QString wrongPage = pageProblem(pages.last());
            if (!wrongPage.isEmpty())
                return fail(error, pageAt + wrongPage);
        }
        const QString wrongScreen = layout.add(screen.toString(), pages);
        if (!wrongScreen.isEmpty())
            return fail(error, at + u".screen: "_s + wrongScreen);
    }
    return layout;
}

std::vector<QStringList> ScreenLayout::assign(const QStringList &screenNames) const
{
    const Entry *any = find(Entry::Match::Any, {}, 0);
    std::vector<QStringList> assigned;
    assigned.reserve(size_t(screenNames.size()));
    for (qsizetype i = 0; i < screenNames.size(); ++i) {
        const Entry *entry = find(Entry::Match::Name, screenNames[i], 0);
        if (!entry)
            entry = find(Entry::Match::Index, {}, int(i));
        if (!entry)
            entry = any;
        assigned.push_back(entry ? entry->pages : QStringList());
    }
    return assigned;
}

QString ScreenLayout::add(const QString &screen, const QStringList &pages)
{
    if (screen.isEmpty())
        return u"the screen name is empty"_s;
    Entry entry;
    entry.pages = pages;
    if (screen == u'*') {
        entry.match = Entry::Match::Any;
    } else if (screen.startsWith(u'#')) {
        const std::optional<int> index = screenIndex(screen);
        if (!index)
            return u"\"%1\" is not a screen index (#0 is the first screen)"_s.arg(screen);
        entry.match = Entry::Match::Index;
        entry.index = *index;
    } else {
        entry.match = Entry::Match::Name;
        entry.name = screen;
    }
    if (find(entry.match, entry.name, entry.index))
        return u"screen \"%1\" is given twice"_s.arg(screen);
    m_entries.push_back(std::move(entry));
    return {};
}

const ScreenLayout::Entry *ScreenLayout::find(Entry::Match match, const QString &name, int index) const
{
    const auto found = std::find_if(m_entries.cbegin(), m_entries.cend(), [&](const Entry &entry) {
        return entry.match == match && (match != Entry::Match::Name || entry.name == name) &&
               (match != Entry::Match::Index || entry.index == index);
    });
    return found == m_entries.cend() ? nullptr : &*found;
}

} // namespace vantage
