#include "feed/TlsOptions.h"

#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace vantage {

TlsSetup makeSslConfiguration(const TlsOptions &options, QSslConfiguration &config)
{
    config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (options.caFile.isEmpty())
        return {true, QString()};
    const QFileInfo info(options.caFile);
    if (!info.exists())
        return {false, QStringLiteral("CA file %1 does not exist").arg(options.caFile)};
    if (info.isDir())
        return {false, QStringLiteral("CA file %1 is a directory").arg(options.caFile)};
    QFile file(options.caFile);
    if (!file.open(QIODevice::ReadOnly))
        return {false, QStringLiteral("CA file %1 cannot be read: %2").arg(options.caFile, file.errorString())};
    const QList<QSslCertificate> certificates = QSslCertificate::fromDevice(&file, QSsl::Pem);
    if (certificates.isEmpty())
        return {false, QStringLiteral("CA file %1 holds no PEM certificate").arg(options.caFile)};
    config.addCaCertificates(certificates);
    return {true, QString()};
}

} // namespace vantage
