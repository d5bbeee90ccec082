#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace vantage {

struct TokenResult
{
    QByteArray token; // empty when none was configured
    QString error;    // names the file or variable, never the token
};

// The bearer token for the live feed. The file wins when given (whitespace trimmed); a
// missing, unreadable or empty file is an error. Otherwise the environment variable;
// otherwise an empty token and no error.
TokenResult readBearerToken(const QString &tokenFile,
                            const QByteArray &envVarName = QByteArrayLiteral("VANTAGE_TOKEN"));

// Why a token read from `origin` (e.g. "token file F") cannot be used: empty, or not one line
// of visible ASCII. Empty when it can.
QString tokenProblem(QByteArrayView token, const QString &origin);

// True when the token can go into an HTTP header as is: visible ASCII only, so a stray
// newline cannot inject a header.
bool isValidBearerToken(QByteArrayView token);

} // namespace vantage
