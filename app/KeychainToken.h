#pragma once

#include "feed/TokenSource.h"

#include <QByteArray>
#include <QString>

namespace vantage {

// The bearer token kept in the OS keychain through QtKeychain: the Secret Service (GNOME
// Keyring, KWallet) on Linux, the Keychain on macOS, the Credential Store on Windows. Entries
// live under the service "Vantage". Nothing is ever stored in clear: without a keychain the
// calls fail with an error saying so. Both wait on a local event loop for the keychain, which
// may first ask the desktop to unlock it.

// A keychain entry name is shown in errors and typed by hand: a short, plain identifier of
// ASCII letters, digits, '.', '_' and '-'.
bool isValidKeychainEntryName(const QString &name);

// The token stored as `entry`; an error naming the entry (never the token) when there is
// none, the keychain refuses, or no keychain is available, which names `alternatives`.
TokenResult readKeychainToken(const QString &entry,
                              const QString &alternatives = QStringLiteral("--token-file or VANTAGE_TOKEN"));

// Stores `token` as `entry`, replacing an older one. Empty on success, else the error.
QString storeKeychainToken(const QString &entry, const QByteArray &token);

} // namespace vantage
