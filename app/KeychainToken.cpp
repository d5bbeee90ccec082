#include "app/KeychainToken.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

#include <algorithm>

namespace vantage {

namespace {

const QString kService = QStringLiteral("Vantage");

// Runs a keychain job to its end. The job is not auto-deleted, so its result can be read.
void runToEnd(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

QString describeFailure(const QKeychain::Job &job, const QString &entry, const QString &action,
                        const QString &alternatives)
{
    const QString detail = job.errorString();
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return QStringLiteral("the OS keychain has no token named \"%1\"; store one with "
                              "vantage --store-token %1")
            .arg(entry);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return QStringLiteral("the OS keychain refused to %1 the token \"%2\": %3").arg(action, entry, detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NoError:
        break;
    }
    return QStringLiteral("cannot %1 the token \"%2\": no OS keychain answered (%3). On Linux a "
                          "Secret Service such as GNOME Keyring or KWallet must run in this "
                          "session; otherwise use %4")
        .arg(action, entry, detail, alternatives);
}

} // namespace

bool isValidKeychainEntryName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return (c.isLetterOrNumber() && c.unicode() < 0x80) || c == QLatin1Char('.') || c == QLatin1Char('_') ||
               c == QLatin1Char('-');
    });
}

TokenResult readKeychainToken(const QString &entry, const QString &alternatives)
{
    TokenResult result;
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(entry);
    runToEnd(job);
    if (job.error() != QKeychain::NoError) {
        result.error = describeFailure(job, entry, QStringLiteral("read"), alternatives);
        return result;
    }
    const QByteArray token = job.binaryData().trimmed();
    result.error = tokenProblem(token, QStringLiteral("the OS keychain entry \"%1\"").arg(entry));
    if (result.error.isEmpty())
        result.token = token;
    return result;
}

QString storeKeychainToken(const QString &entry, const QByteArray &token)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(entry);
    // As text, so the desktop's keychain manager (e.g. Seahorse) shows it as a password.
    job.setTextData(QString::fromLatin1(token));
    runToEnd(job);
    if (job.error() != QKeychain::NoError)
        return describeFailure(job, entry, QStringLiteral("store"), QStringLiteral("--token-file or VANTAGE_TOKEN"));
    return {};
}

} // namespace vantage
