#include "app/StoreTokenRun.h"

#include "app/EchoOff.h"
#include "app/KeychainToken.h"
#include "feed/TokenSource.h"

#include <QFile>
#include <QTextStream>

namespace vantage {

namespace {

// Far above any real token, as for --token-file.
constexpr qint64 kMaxTokenBytes = 64 * 1024;

} // namespace

int runStoreToken(const QString &entry)
{
    QTextStream err(stderr);
    QByteArray token;
    {
        const EchoOff echoOff;
        if (echoOff.active())
            err << "Token for \"" << entry << "\": " << Qt::flush;
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            err << "vantage: cannot read the token from standard input" << Qt::endl;
            return 1;
        }
        token = input.readLine(kMaxTokenBytes).trimmed();
        if (echoOff.active())
            err << Qt::endl;
    }
    if (token.isEmpty()) {
        err << "vantage: no token on standard input; nothing was stored" << Qt::endl;
        return 1;
    }
    if (!isValidBearerToken(token)) {
        err << "vantage: the token holds invalid characters (one line of visible ASCII expected); "
               "nothing was stored"
            << Qt::endl;
        return 1;
    }
    const QString error = storeKeychainToken(entry, token);
    if (!error.isEmpty()) {
        err << "vantage: " << error << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "Stored the token as \"" << entry << "\" in the OS keychain; connect with "
                        << "--token-keychain " << entry << Qt::endl;
    return 0;
}

} // namespace vantage
