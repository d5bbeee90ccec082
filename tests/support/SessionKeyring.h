#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

namespace vantage::test {

// A real OS keychain for tests: a private D-Bus session bus with GNOME Keyring's Secret
// Service on it, its keyrings in a temporary home, unlocked with a throwaway password. The
// programs a test starts with environment() store and read tokens there; the operator's own
// keychain is never touched. The keyring daemon leaves when the bus does.
class SessionKeyring
{
public:
    SessionKeyring();
    ~SessionKeyring();
    SessionKeyring(const SessionKeyring &) = delete;
    SessionKeyring &operator=(const SessionKeyring &) = delete;

    // Empty when it runs; otherwise why it could not be started.
    const QString &error() const { return m_error; }
    // The system environment pointed at this bus and home.
    QProcessEnvironment environment() const;
    // Where programs started with environment() keep their settings.
    QString configDir() const;

private:
    QString start();

    QTemporaryDir m_home;
    QProcess m_bus;
    QString m_address;
    QString m_error;
};

} // namespace vantage::test
