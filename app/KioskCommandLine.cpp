#include "app/KioskCommandLine.h"

#include "app/ProfileSettings.h"
#include "ui/ExitChord.h"

#include <QCommandLineParser>
#include <QFile>

namespace vantage {

namespace {

constexpr double kMinTypeScale = 0.75;
constexpr double kMaxTypeScale = 4.0;

} // namespace

KioskCommandLine::KioskCommandLine()
    : m_kiosk(QStringLiteral("kiosk"),
              QStringLiteral("Wall display: full screen and frameless, no menus, dark unless --theme is given, the "
                             "pages in turn (see --rotate-seconds), large type, locked down (see --exit-chord)."))
    , m_rotateSeconds(QStringLiteral("rotate-seconds"),
                      QStringLiteral("With --kiosk: show each page for N seconds, 5 to 3600 (default 30). Any input "
                                     "holds the page for a minute."),
                      QStringLiteral("N"))
    , m_staleSeconds(QStringLiteral("stale-seconds"),
                     QStringLiteral("Show the full-width banner once the newest data is N seconds old, 5 to 3600 "
                                    "(default 30)."),
                     QStringLiteral("N"))
    , m_screens(QStringLiteral("screens"),
                QStringLiteral("With --kiosk: the pages of each screen, as SCREEN=page,page;SCREEN=page with a "
                               "screen's name (HDMI-1), its place (#0) or * for the others, or @FILE for a JSON "
                               "layout file (default: every screen shows every page)."),
                QStringLiteral("LAYOUT"))
    , m_exitChord(QStringLiteral("exit-chord"),
                  QStringLiteral("With --kiosk: the keys that end the run, one key and two or more modifiers "
                                 "(default Ctrl+Alt+Shift+Q)."),
                  QStringLiteral("KEYS"))
    , m_typeScale(QStringLiteral("type-scale"),
                  QStringLiteral("With --kiosk: the size of the type, 0.75 to 4 (default: from the screen's height, "
                                 "1.5 at 1080 lines)."),
                  QStringLiteral("X"))
    , m_setKioskPin(QStringLiteral("set-kiosk-pin"),
                    QStringLiteral("Read a PIN (4 to 12 digits, or nothing to remove it) from standard input; the "
                                   "exit chord then asks for it. Only its hash is kept, in the profile."))
    , m_profile(QStringLiteral("profile"),
                QStringLiteral("Keep the settings (window, theme, connection, alert rules, kiosk) in the profile "
                               "NAME instead of the default ones."),
                QStringLiteral("NAME"))
    , m_exportProfile(QStringLiteral("export-profile"),
                      QStringLiteral("Write the profile's settings (all but the kiosk PIN) to FILE as JSON, and exit."),
                      QStringLiteral("FILE"))
    , m_importProfile(QStringLiteral("import-profile"),
                      QStringLiteral("Replace the profile's settings with those in FILE (from --export-profile), and "
                                     "exit."),
                      QStringLiteral("FILE"))
{
}

QList<QCommandLineOption> KioskCommandLine::options() const
{
    return {m_kiosk,     m_rotateSeconds, m_staleSeconds, m_screens,       m_exitChord,
            m_typeScale, m_setKioskPin,   m_profile,      m_exportProfile, m_importProfile};
}

QString KioskCommandLine::read(const QCommandLineParser &parser, AppOptions &options) const
{
    options.kiosk = parser.isSet(m_kiosk);
    for (const QCommandLineOption &option : this->options()) {
        if (parser.isSet(option))
            options.given << option.names().constFirst();
    }
    if (parser.isSet(m_rotateSeconds)) {
        bool ok = false;
        options.rotateSeconds = parser.value(m_rotateSeconds).toInt(&ok);
        if (!ok)
            return QStringLiteral("--rotate-seconds must be a whole number of seconds from 5 to 3600");
    }
    if (parser.isSet(m_staleSeconds)) {
        bool ok = false;
        options.staleSeconds = parser.value(m_staleSeconds).toInt(&ok);
        if (!ok)
            return QStringLiteral("--stale-seconds must be a whole number of seconds from 5 to 3600");
    }
    options.screens = parser.value(m_screens);
    options.exitChord = parser.value(m_exitChord);
    if (parser.isSet(m_typeScale)) {
        bool ok = false;
        options.typeScale = parser.value(m_typeScale).toDouble(&ok);
        if (!ok)
            return QStringLiteral("--type-scale must be a number from 0.75 to 4");
    }
    options.setKioskPin = parser.isSet(m_setKioskPin);
    options.profile = parser.value(m_profile);
    options.exportProfilePath = parser.value(m_exportProfile);
    options.importProfilePath = parser.value(m_importProfile);

    if (parser.isSet(m_profile) && !ProfileSettings::isValidName(options.profile))
        return QStringLiteral("--profile needs a name of 1 to 64 letters, digits, '.', '_' or '-'");
    if (!options.exportProfilePath.isEmpty() && !options.importProfilePath.isEmpty())
        return QStringLiteral("choose one of --export-profile and --import-profile");
    for (const QCommandLineOption *wallOnly : {&m_rotateSeconds, &m_screens, &m_exitChord, &m_typeScale}) {
        if (parser.isSet(*wallOnly) && !options.kiosk)
            return QStringLiteral("--%1 is for --kiosk").arg(wallOnly->names().constFirst());
    }
    if (options.kiosk && (options.headless || !options.backtestPath.isEmpty()))
        return QStringLiteral("--kiosk needs a window; it cannot be combined with --headless or --backtest");
    return checkKioskSettings(options);
}

std::optional<ScreenLayout> loadScreenLayout(const QString &spec, QString *error)
{
    if (spec.isEmpty())
        return ScreenLayout::everyScreen();
    if (!spec.startsWith(QLatin1Char('@')))
        return ScreenLayout::parse(spec, error);
    const QString path = spec.mid(1);
    QFile file(path);
    // A layout file is a few lines; anything far larger is not one.
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024) {
        *error = QStringLiteral("cannot read the layout file %1").arg(path);
        return std::nullopt;
    }
    auto layout = ScreenLayout::fromJson(file.readAll(), error);
    if (!layout)
        *error = path + QStringLiteral(": ") + *error;
    return layout;
}

QString checkKioskSettings(const AppOptions &options)
{
    if (options.rotateSeconds < 5 || options.rotateSeconds > 3600)
        return QStringLiteral("--rotate-seconds must be a whole number of seconds from 5 to 3600");
    if (options.staleSeconds < 5 || options.staleSeconds > 3600)
        return QStringLiteral("--stale-seconds must be a whole number of seconds from 5 to 3600");
    QString error;
    if (!loadScreenLayout(options.screens, &error))
        return QStringLiteral("--screens: ") + error;
    if (!options.exitChord.isEmpty() && !ExitChord::parse(options.exitChord, &error))
        return QStringLiteral("--exit-chord: ") + error;
    if (options.typeScale != 0.0 && !(options.typeScale >= kMinTypeScale && options.typeScale <= kMaxTypeScale))
        return QStringLiteral("--type-scale must be a number from 0.75 to 4");
    return {};
}

} // namespace vantage
