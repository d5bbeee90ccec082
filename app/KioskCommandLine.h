#pragma once

#include "app/AppOptions.h"
#include "ui/ScreenLayout.h"

#include <QCommandLineOption>
#include <QList>

#include <optional>

class QCommandLineParser;

namespace vantage {

// The command line of walls and profiles (docs/operations.md "Kiosk", "Profiles"): --kiosk and
// what goes with it, --profile and its files. Part of parseCommandLine.
class KioskCommandLine
{
public:
    KioskCommandLine();

    QList<QCommandLineOption> options() const;
    // Reads them into `options` (whose other fields are read already); "" or the error.
    QString read(const QCommandLineParser &parser, AppOptions &options) const;

private:
    QCommandLineOption m_kiosk;
    QCommandLineOption m_rotateSeconds;
    QCommandLineOption m_staleSeconds;
    QCommandLineOption m_screens;
    QCommandLineOption m_exitChord;
    QCommandLineOption m_typeScale;
    QCommandLineOption m_setKioskPin;
    QCommandLineOption m_profile;
    QCommandLineOption m_exportProfile;
    QCommandLineOption m_importProfile;
};

// The layout of --screens: the text itself, or with "@FILE" the JSON settings file FILE holds
// (ui/ScreenLayout::fromJson); every screen shows every page when `spec` is empty.
std::optional<ScreenLayout> loadScreenLayout(const QString &spec, QString *error);

// What a wall's settings must be, whether they come from the command line or from a profile;
// "" or the error, naming the option.
QString checkKioskSettings(const AppOptions &options);

} // namespace vantage
