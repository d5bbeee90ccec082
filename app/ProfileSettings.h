#pragma once

#include <QString>

#include <memory>

class QSettings;

namespace vantage {

// Profiles (--profile NAME, docs/operations.md "Profiles"): each keeps its own settings (window
// geometry, theme, the connection, alert rules, notifications and the kiosk's settings), in its
// own file beside the default one, and travels as a JSON file (--export-profile, --import-profile).
namespace ProfileSettings {

// Letters, digits, '.', '_' and '-', 1 to 64 of them, not starting with '.'.
bool isValidName(const QString &name);
// The profile's settings; the default ones for an empty name.
std::unique_ptr<QSettings> open(const QString &name);

// Writes every setting but the kiosk PIN's hash (set it on each wall) to `path` as JSON. Returns
// "" or why it could not.
QString exportTo(const QSettings &settings, const QString &path);
// Replaces the settings with the file's, keeping the kiosk PIN. A file that is not a profile, or
// holds a key or a value Vantage does not keep, changes nothing and the error says which.
QString importFrom(const QString &path, QSettings &settings);

} // namespace ProfileSettings

} // namespace vantage
