#include "feed/TokenSource.h"

#include <QFile>

namespace vantage {

namespace {

// Far above any real token; keeps a wrongly chosen file from being read whole.
constexpr qint64 kMaxTokenFileBytes = 64 * 1024;

} // namespace

bool isValidBearerToken(QByteArrayView token)
{
    for (const char c : token) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

QString tokenProblem(QByteArrayView token, const QString &origin)
{
    if (token.isEmpty())
        return origin + QStringLiteral(" is empty");
    if (!isValidBearerToken(token))
        return origin + QStringLiteral(" holds invalid characters (one line of visible ASCII expected)");
    return {};
}

TokenResult readBearerToken(const QString &tokenFile, const QByteArray &envVarName)
{
    TokenResult result;
    if (!tokenFile.isEmpty()) {
        QFile file(tokenFile);
        if (!file.exists()) {
            result.error = QStringLiteral("token file not found: %1").arg(tokenFile);
            return result;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = QStringLiteral("cannot read token file %1: %2").arg(tokenFile, file.errorString());
            return result;
        }
        if (file.size() > kMaxTokenFileBytes) {
            result.error = QStringLiteral("token file is too large: %1").arg(tokenFile);
            return result;
        }
        const QByteArray token = file.readAll().trimmed();
        result.error = tokenProblem(token, QStringLiteral("token file ") + tokenFile);
        if (result.error.isEmpty())
            result.token = token;
        return result;
    }
    if (envVarName.isEmpty())
        return result;
    const QByteArray token = qgetenv(envVarName.constData()).trimmed();
    if (!token.isEmpty() && !isValidBearerToken(token)) {
        result.error = QStringLiteral("environment variable %1 holds invalid characters (visible ASCII expected)")
                           .arg(QString::fromLatin1(envVarName));
        return result;
    }
    result.token = token;
    return result;
}

} // namespace vantage
