#include "support/SessionKeyring.h"

#include <QDir>

namespace vantage::test {

namespace {
constexpr int kStartMs = 20'000;
}

SessionKeyring::SessionKeyring()
{
    m_error = start();
}

SessionKeyring::~SessionKeyring()
{
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.terminate();
        if (!m_bus.waitForFinished(kStartMs))
            m_bus.kill();
    }
}

QProcessEnvironment SessionKeyring::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir());
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("run")));
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    return environment;
}

QString SessionKeyring::configDir() const
{
    return m_home.filePath(QStringLiteral("config"));
}

QString SessionKeyring::start()
{
    if (!m_home.isValid())
        return QStringLiteral("no temporary directory: ") + m_home.errorString();
    const QDir home(m_home.path());
    if (!home.mkpath(QStringLiteral("data")) || !home.mkpath(QStringLiteral("config"))
        || !home.mkpath(QStringLiteral("run")))
        return QStringLiteral("cannot create the test home in ") + m_home.path();
    QFile::setPermissions(m_home.filePath(QStringLiteral("run")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // The bus prints its address on the first line once it listens.
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                 QStringLiteral("--print-address=1")});
    if (!m_bus.waitForStarted(kStartMs))
        return QStringLiteral("dbus-daemon did not start: ") + m_bus.errorString();
    while (!m_bus.canReadLine()) {
        if (!m_bus.waitForReadyRead(kStartMs))
            return QStringLiteral("dbus-daemon printed no address");
    }
    m_address = QString::fromUtf8(m_bus.readLine().trimmed());

    // Without --foreground the keyring daemon forks; the launcher exits once the unlocked
    // keyring serves the Secret Service, which is the moment tests can use it.
    QProcess keyring;
    keyring.setProcessEnvironment(environment());
    keyring.start(QStringLiteral("gnome-keyring-daemon"),
                  {QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
    if (!keyring.waitForStarted(kStartMs))
        return QStringLiteral("gnome-keyring-daemon did not start: ") + keyring.errorString();
    keyring.write("test-keyring-password");
    keyring.closeWriteChannel();
    if (!keyring.waitForFinished(kStartMs) || keyring.exitCode() != 0)
        return QStringLiteral("gnome-keyring-daemon failed: ") + QString::fromUtf8(keyring.readAllStandardError());
    return {};
}

} // namespace vantage::test
