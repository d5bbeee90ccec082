#pragma once

#include <QString>

class QSslConfiguration;

namespace vantage {

// How wss:// and https:// connections verify the server. Certificate errors are never ignored:
// a private CA is trusted by naming its certificate file, in addition to the system CAs.
struct TlsOptions
{
    QString caFile; // PEM file with one or more CA certificates; empty = system CAs only
};

// The TLS configuration for a connection with these options, or an error naming the file and
// what is wrong with it (missing, unreadable, no certificate in it).
struct TlsSetup
{
    bool ok = false;
    QString error;
};

// Fills `config` (starting from QSslConfiguration::defaultConfiguration()).
TlsSetup makeSslConfiguration(const TlsOptions &options, QSslConfiguration &config);

} // namespace vantage
