#pragma once

#include <QString>

namespace vantage {

// The kiosk PIN as settings keep it: a salted PBKDF2-SHA256 hash, never the PIN in clear.
// A PIN has few values, so the hash does not make it strong against offline guessing; it keeps
// the PIN itself out of settings files, backups and screen shares.
class KioskPin final
{
public:
    static constexpr int minDigits = 4;
    static constexpr int maxDigits = 12;
    // About 0.15 s per hash on a small wall PC: unnoticed at the PIN prompt.
    static constexpr int iterations = 100'000;

    // Empty when the PIN is usable (4 to 12 ASCII digits); else what is wrong with it.
    static QString validate(const QString &pin);
    // "pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>" with a fresh random 16-byte
    // salt, so two hashes of one PIN differ. Callers validate() the PIN first.
    static QString hash(const QString &pin);
    // The PIN is the one `stored` was made from, compared in constant time. False for a stored
    // value that is not hash()'s format, including an iteration count beyond any hash() makes.
    static bool verify(const QString &pin, const QString &stored);
};

} // namespace vantage
