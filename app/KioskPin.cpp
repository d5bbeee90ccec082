#include "app/KioskPin.h"

#include "feed/ConstantTime.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <array>
#include <optional>

namespace vantage {

namespace {

constexpr QLatin1String kScheme("pbkdf2-sha256");
constexpr qsizetype kSaltBytes = 16;
constexpr qsizetype kHashBytes = 32; // SHA-256's output
// A settings file edited to ask for billions of rounds must not freeze the kiosk.
constexpr int kMaxIterations = 10 * KioskPin::iterations;

QByteArray derive(const QString &pin, const QByteArray &salt, int rounds)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, rounds,
                                              kHashBytes);
}

// Strict: characters outside the alphabet, or missing padding, make the value malformed.
std::optional<QByteArray> fromBase64(const QString &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

} // namespace

QString KioskPin::validate(const QString &pin)
{
    if (pin.isEmpty())
        return QStringLiteral("The PIN is empty: give %1 to %2 digits").arg(minDigits).arg(maxDigits);
    if (!std::all_of(pin.cbegin(), pin.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return QStringLiteral("The PIN may hold only the digits 0 to 9");
    if (pin.size() < minDigits)
        return QStringLiteral("The PIN is too short: at least %1 digits").arg(minDigits);
    if (pin.size() > maxDigits)
        return QStringLiteral("The PIN is too long: at most %1 digits").arg(maxDigits);
    return {};
}

QString KioskPin::hash(const QString &pin)
{
    std::array<quint32, kSaltBytes / sizeof(quint32)> words;
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    const QByteArray salt(reinterpret_cast<const char *>(words.data()), kSaltBytes);
    return kScheme + u'$' + QString::number(iterations) + u'$' + QLatin1String(salt.toBase64()) + u'$' +
           QLatin1String(derive(pin, salt, iterations).toBase64());
}

bool KioskPin::verify(const QString &pin, const QString &stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts[0] != kScheme)
        return false;
    bool ok = false;
    const int rounds = parts[1].toInt(&ok);
    if (!ok || rounds < 1 || rounds > kMaxIterations)
        return false;
    const std::optional<QByteArray> salt = fromBase64(parts[2]);
    const std::optional<QByteArray> expected = fromBase64(parts[3]);
    if (!salt || salt->size() != kSaltBytes || !expected || expected->size() != kHashBytes)
        return false;
    return equalInConstantTime(derive(pin, *salt, rounds), *expected);
}

} // namespace vantage
