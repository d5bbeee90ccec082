#include "feed/ConnectionStatus.h"
#include "feed/Decoder.h"
#include "feed/FrameSink.h"
#include "feed/FrameSource.h"
#include "feed/Message.h"
#include "feed/SseSource.h"
#include "feed/WebSocketSource.h"
#include "relay/RelayServer.h"
#include "support/CollectingSink.h"
#include "support/ConnectionNoDelay.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

// End to end TLS: the relay speaks https:// and wss:// with a certificate issued by a private
// CA made here with the openssl tool. The clients trust it only when told to through
// tls.caFile; without it, or with an unrelated CA, every attempt is refused as a TLS failure.

using namespace vantage;

namespace {

constexpr int kWaitMs = 10'000;

// The private PKI of one test run: a CA, a server certificate it signed for 127.0.0.1 and
// localhost, and a second CA that has nothing to do with either.
struct Pki
{
    QString caCert;
    QString serverCert;
    QString serverKey;
    QString unrelatedCaCert;
    QString error; // empty on success
};

const QByteArray kCaConfig = QByteArrayLiteral("[req]\n"
                                               "distinguished_name = dn\n"
                                               "prompt = no\n"
                                               "x509_extensions = v3_ca\n"
                                               "[dn]\n"
                                               "CN = Vantage Test CA\n"
                                               "[v3_ca]\n"
                                               "basicConstraints = critical, CA:TRUE\n"
                                               "keyUsage = critical, keyCertSign, cRLSign\n"
                                               "subjectKeyIdentifier = hash\n");

const QByteArray kUnrelatedCaConfig = QByteArray(kCaConfig).replace("Vantage Test CA", "Unrelated Test CA");

const QByteArray kServerConfig = QByteArrayLiteral("[req]\n"
                                                   "distinguished_name = dn\n"
                                                   "prompt = no\n"
                                                   "[dn]\n"
                                                   "CN = localhost\n");

const QByteArray kServerExtensions = QByteArrayLiteral("basicConstraints = CA:FALSE\n"
                                                       "keyUsage = critical, digitalSignature, keyEncipherment\n"
                                                       "extendedKeyUsage = serverAuth\n"
                                                       "subjectAltName = IP:127.0.0.1, DNS:localhost\n");

bool writeFile(const QDir &dir, const QString &name, const QByteArray &contents)
{
    QFile file(dir.filePath(name));
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

// Runs openssl in `dir`; an empty string on success, otherwise what went wrong.
QString runOpenssl(const QDir &dir, const QStringList &arguments)
{
    QProcess openssl;
    openssl.setWorkingDirectory(dir.path());
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForStarted(10'000))
        return QStringLiteral("openssl not found");
    if (!openssl.waitForFinished(30'000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        return QStringLiteral("openssl %1 failed: %2")
            .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(openssl.readAll()));
    }
    return {};
}

QStringList newEcKey()
{
    return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
}

QStringList selfSignedCa(const QString &config, const QString &key, const QString &cert)
{
    return QStringList{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-config"), config}
           + newEcKey()
           + QStringList{QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                         QStringLiteral("2")};
}

Pki createPki(const QString &path)
{
    Pki pki;
    const QDir dir(path);
    if (!writeFile(dir, QStringLiteral("ca.cnf"), kCaConfig) ||
        !writeFile(dir, QStringLiteral("unrelated-ca.cnf"), kUnrelatedCaConfig) ||
        !writeFile(dir, QStringLiteral("server.cnf"), kServerConfig) ||
        !writeFile(dir, QStringLiteral("server-ext.cnf"), kServerExtensions)) {
        pki.error = QStringLiteral("cannot write the openssl configuration into ") + path;
        return pki;
    }
    const QList<QStringList> steps = {
        selfSignedCa(QStringLiteral("ca.cnf"), QStringLiteral("ca.key"), QStringLiteral("ca.pem")),
        selfSignedCa(QStringLiteral("unrelated-ca.cnf"), QStringLiteral("unrelated-ca.key"),
                     QStringLiteral("unrelated-ca.pem")),
        QStringList{QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-config"),
                    QStringLiteral("server.cnf")}
            + newEcKey()
            + QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                          QStringLiteral("server.csr")},
        {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
         QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
         QStringLiteral("-set_serial"), QStringLiteral("2"), QStringLiteral("-days"), QStringLiteral("2"),
         QStringLiteral("-extfile"), QStringLiteral("server-ext.cnf"), QStringLiteral("-out"),
         QStringLiteral("server.pem")},
    };
    for (const QStringList &step : steps) {
        pki.error = runOpenssl(dir, step);
        if (!pki.error.isEmpty())
            return pki;
    }
    pki.caCert = dir.filePath(QStringLiteral("ca.pem"));
    pki.serverCert = dir.filePath(QStringLiteral("server.pem"));
    pki.serverKey = dir.filePath(QStringLiteral("server.key"));
    pki.unrelatedCaCert = dir.filePath(QStringLiteral("unrelated-ca.pem"));
    return pki;
}

bool mentionsTls(const QString &reason)
{
    return reason.contains(QLatin1String("TLS")) || reason.contains(QLatin1String("SSL")) ||
           reason.contains(QLatin1String("certificate"), Qt::CaseInsensitive);
}

class TlsTransportTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        s_pki = new Pki(s_dir->isValid() ? createPki(s_dir->path())
                                         : Pki{{}, {}, {}, {}, QStringLiteral("no temporary directory")});
    }

    static void TearDownTestSuite()
    {
        delete s_pki;
        s_pki = nullptr;
        delete s_dir;
        s_dir = nullptr;
    }

    void SetUp() override
    {
        if (s_pki->error.contains(QLatin1String("openssl not found")))
            GTEST_SKIP() << "the openssl tool is needed to make the test certificates: "
                         << s_pki->error.toStdString();
        ASSERT_TRUE(s_pki->error.isEmpty()) << s_pki->error.toStdString();

        RelayOptions options;
        options.address = QHostAddress(QHostAddress::LocalHost);
        options.port = 0;
        options.heartbeatMs = 60'000;
        options.tlsCertFile = s_pki->serverCert;
        options.tlsKeyFile = s_pki->serverKey;
        m_relay = std::make_unique<RelayServer>(options);
        QString error;
        ASSERT_TRUE(m_relay->listen(&error)) << error.toStdString();
        m_connectedSpy = std::make_unique<QSignalSpy>(m_relay.get(), &RelayServer::clientConnected);
    }

    void TearDown() override
    {
        for (const ConnectionStatus &status : m_statuses)
            EXPECT_NE(status.transport, QString()) << "a status without its transport";
        m_source.reset();
        m_connectedSpy.reset();
        m_relay.reset();
    }

    static ReconnectPolicy::Settings quickReconnect()
    {
        ReconnectPolicy::Settings settings;
        settings.baseMs = 10;
        settings.capMs = 50;
        return settings;
    }

    QUrl relayUrl(const QString &scheme, const QString &path) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(m_relay->port()).arg(path));
    }

    void startWebSocket(const QString &caFile)
    {
        WebSocketOptions options;
        options.url = relayUrl(QStringLiteral("wss"), QStringLiteral("/stream"));
        options.heartbeatMs = 60'000;
        options.connectTimeoutMs = 5'000;
        options.tls.caFile = caFile;
        options.reconnect = quickReconnect();
        start(std::make_unique<WebSocketSource>(options));
    }

    void startSse(const QString &caFile)
    {
        SseOptions options;
        options.url = relayUrl(QStringLiteral("https"), QStringLiteral("/events"));
        options.connectTimeoutMs = 5'000;
        options.tls.caFile = caFile;
        options.reconnect = quickReconnect();
        start(std::make_unique<SseSource>(options));
    }

    void start(std::unique_ptr<FrameSource> source)
    {
        m_source = std::move(source);
        m_source->setSink(&m_sink);
        QObject::connect(m_source.get(), &FrameSource::statusChanged, m_source.get(),
                         [this](const ConnectionStatus &status) { m_statuses.push_back(status); });
        m_source->start();
    }

    int indexOf(ConnectionState state) const
    {
        for (size_t i = 0; i < m_statuses.size(); ++i) {
            if (m_statuses[i].state == state)
                return int(i);
        }
        return -1;
    }

    int countOf(ConnectionState state) const
    {
        int n = 0;
        for (const ConnectionStatus &status : m_statuses)
            n += status.state == state ? 1 : 0;
        return n;
    }

    QString history() const
    {
        QStringList lines;
        for (const ConnectionStatus &status : m_statuses)
            lines << QString(connectionStateName(status.state)) + QStringLiteral(": ") + status.reason;
        return lines.join(QStringLiteral(" | "));
    }

    // Live, then the relay's hello and snapshot, decoded.
    void expectLiveWithHelloAndSnapshot(const QString &transport)
    {
        ASSERT_TRUE(QTest::qWaitFor([&] { return indexOf(ConnectionState::Live) >= 0; }, kWaitMs))
            << history().toStdString();
        EXPECT_EQ(m_statuses[size_t(indexOf(ConnectionState::Live))].transport, transport);
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_sink.frames.size() >= 2; }, kWaitMs))
            << "frames: " << m_sink.frames.size();
        Decoder decoder;
        std::vector<MessageKind> kinds;
        for (const QByteArray &frame : m_sink.frames) {
            Message message;
            ASSERT_EQ(decoder.decode(frame, 0, 0, message), DecodeError::None) << frame.toStdString();
            kinds.push_back(message.kind);
        }
        EXPECT_EQ(kinds[0], MessageKind::Hello) << m_sink.frames[0].toStdString();
        EXPECT_EQ(kinds[1], MessageKind::Snapshot) << m_sink.frames[1].toStdString();
        EXPECT_TRUE(m_sink.rejected.empty());
        EXPECT_EQ(m_connectedSpy->count(), 1);
        EXPECT_EQ(m_relay->clientCount(transport), 1);
    }

    // Refused at least twice (so retried), each time for a TLS reason, never Live, and the
    // relay never admitted a client.
    void expectRefusedForTls()
    {
        ASSERT_TRUE(QTest::qWaitFor([&] { return countOf(ConnectionState::Reconnecting) >= 2; }, kWaitMs))
            << history().toStdString();
        EXPECT_EQ(indexOf(ConnectionState::Live), -1) << history().toStdString();
        for (const ConnectionStatus &status : m_statuses) {
            if (status.state == ConnectionState::Reconnecting) {
                EXPECT_TRUE(mentionsTls(status.reason)) << "reason: " << status.reason.toStdString();
            }
        }
        EXPECT_TRUE(m_sink.frames.empty());
        EXPECT_EQ(m_connectedSpy->count(), 0);
        EXPECT_EQ(m_relay->clientCount(), 0);
    }

    void expectMissingCaFileError(const QString &missing)
    {
        ASSERT_TRUE(QTest::qWaitFor([&] { return indexOf(ConnectionState::Error) >= 0; }, kWaitMs))
            << history().toStdString();
        const QString reason = m_statuses[size_t(indexOf(ConnectionState::Error))].reason;
        EXPECT_TRUE(reason.contains(missing)) << "reason: " << reason.toStdString();
        EXPECT_EQ(indexOf(ConnectionState::Live), -1);
        EXPECT_EQ(m_connectedSpy->count(), 0);
    }

    static inline QTemporaryDir *s_dir = nullptr;
    static inline Pki *s_pki = nullptr;

    std::unique_ptr<RelayServer> m_relay;
    std::unique_ptr<QSignalSpy> m_connectedSpy;
    CollectingSink m_sink;
    std::vector<ConnectionStatus> m_statuses;
    std::unique_ptr<FrameSource> m_source;
};

} // namespace

TEST_F(TlsTransportTest, WebSocketTrustsTheRelayThroughThePrivateCa)
{
    startWebSocket(s_pki->caCert);
    expectLiveWithHelloAndSnapshot(QStringLiteral("websocket"));
}

TEST_F(TlsTransportTest, TheRelaySendsSmallFramesAtOnceOverTls)
{
    startWebSocket(s_pki->caCert);
    expectLiveWithHelloAndSnapshot(QStringLiteral("websocket"));
    const std::vector<bool> noDelay = vantage::test::connectionsNoDelay(*m_relay);
    ASSERT_FALSE(noDelay.empty());
    for (const bool on : noDelay)
        EXPECT_TRUE(on);
}

TEST_F(TlsTransportTest, WebSocketWithoutCaFileIsRefused)
{
    startWebSocket(QString());
    expectRefusedForTls();
}

TEST_F(TlsTransportTest, WebSocketWithAnUnrelatedCaIsRefused)
{
    startWebSocket(s_pki->unrelatedCaCert);
    expectRefusedForTls();
}

TEST_F(TlsTransportTest, SseTrustsTheRelayThroughThePrivateCa)
{
    startSse(s_pki->caCert);
    expectLiveWithHelloAndSnapshot(QStringLiteral("sse"));
}

TEST_F(TlsTransportTest, SseWithoutCaFileIsRefused)
{
    startSse(QString());
    expectRefusedForTls();
}

TEST_F(TlsTransportTest, SseWithAnUnrelatedCaIsRefused)
{
    startSse(s_pki->unrelatedCaCert);
    expectRefusedForTls();
}

TEST_F(TlsTransportTest, WebSocketMissingCaFileIsAnErrorNamingTheFile)
{
    const QString missing = s_dir->filePath(QStringLiteral("no-such-ca.pem"));
    startWebSocket(missing);
    expectMissingCaFileError(missing);
}

TEST_F(TlsTransportTest, SseMissingCaFileIsAnErrorNamingTheFile)
{
    const QString missing = s_dir->filePath(QStringLiteral("no-such-ca.pem"));
    startSse(missing);
    expectMissingCaFileError(missing);
}
