#include "feed/FailoverSource.h"

#include "feed/FeedLogging.h"

#include <utility>

namespace vantage {

namespace {

QString transportTitle(const QString &transport)
{
    if (transport == QLatin1String("websocket"))
        return QStringLiteral("WebSocket");
    if (transport == QLatin1String("sse"))
        return QStringLiteral("SSE");
    if (transport == QLatin1String("polling"))
        return QStringLiteral("polling");
    return transport;
}

bool isFailure(ConnectionState state)
{
    return state == ConnectionState::Reconnecting || state == ConnectionState::Offline
        || state == ConnectionState::Error;
}

} // namespace

FailoverSource::FailoverSource(std::vector<std::unique_ptr<FrameSource>> transports, FailoverOptions options,
                               QObject *parent)
    : FrameSource(parent), m_options(options), m_probeTimer(this)
{
    Q_ASSERT(!transports.empty());
    for (std::unique_ptr<FrameSource> &owned : transports) {
        FrameSource *source = owned.release();
        source->setParent(this);
        const int index = int(m_transports.size());
        connect(source, &FrameSource::statusChanged, this,
                [this, index](const ConnectionStatus &status) { onTransportStatus(index, status); });
        m_transports.push_back(source);
    }
    m_probeTimer.setSingleShot(true);
    connect(&m_probeTimer, &QTimer::timeout, this, [this] {
        if (m_running && m_active > 0 && m_probing < 0)
            startProbe(m_nextProbe % m_active);
    });
}

FailoverSource::~FailoverSource() = default;

void FailoverSource::start()
{
    if (m_running)
        return;
    m_running = true;
    for (FrameSource *source : m_transports) {
        source->setSink(sink());
        source->setResumeFn([this] { return resumePoint(); });
    }
    m_active = 0;
    m_probing = -1;
    m_nextProbe = 0;
    transport(m_active)->start();
}

void FailoverSource::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_probeTimer.stop();
    endProbe();
    // The active transport's Idle status passes through: the chain as a whole has stopped.
    transport(m_active)->stop();
}

void FailoverSource::reconnectNow()
{
    if (!m_running)
        return;
    if (m_active > 0 && m_probing < 0) {
        m_probeTimer.stop();
        startProbe(0);
        return;
    }
    transport(m_active)->reconnectNow();
}

bool FailoverSource::sendText(const QByteArray &text)
{
    return m_running && transport(m_active)->sendText(text);
}

void FailoverSource::onTransportStatus(int index, const ConnectionStatus &status)
{
    if (!m_running) {
        if (index == m_active && status.state == ConnectionState::Idle)
            Q_EMIT statusChanged(status);
        return;
    }
    if (index == m_active)
        onActiveStatus(status);
    else if (index == m_probing)
        onProbeStatus(status);
    // Anything else is a transport this chain just stopped saying so.
}

void FailoverSource::onActiveStatus(const ConnectionStatus &status)
{
    const bool last = m_active + 1 == int(m_transports.size());
    const bool giveUp = status.state == ConnectionState::Reconnecting || status.state == ConnectionState::Offline;
    // An Error that retries (a kiosk) would retry the same refusal; the next transport may not
    // share its cause (a policy close, an SSE 204), and probes come back up once it is gone.
    const bool retryingError = status.state == ConnectionState::Error && status.retryAtMs != 0;
    const bool switchNow =
        retryingError || (giveUp && (status.transportRefused || status.attempt >= m_options.switchAfterFailures));
    if (switchNow && !last) {
        moveTo(m_active + 1, QStringLiteral("%1 failed (%2)").arg(transportTitle(status.transport), status.reason));
        return;
    }
    if (status.state == ConnectionState::Live && m_active > 0)
        scheduleProbe();
    ConnectionStatus shown = status;
    // On a fallback, say why when the transport itself has nothing to say.
    if (shown.reason.isEmpty() && m_active > 0)
        shown.reason = m_fallbackReason;
    Q_EMIT statusChanged(shown);
}

void FailoverSource::onProbeStatus(const ConnectionStatus &status)
{
    if (status.state == ConnectionState::Live) {
        const int from = m_active;
        m_active = m_probing;
        m_probing = -1;
        ++m_switches;
        qCInfo(lcFeed).noquote() << "back on" << transportTitle(status.transport);
        // Stopped before it delivers another frame: the new transport resumes from the same point.
        transport(from)->stop();
        if (m_active > 0)
            scheduleProbe();
        else
            m_fallbackReason.clear();
        onActiveStatus(status);
        return;
    }
    if (isFailure(status.state)) {
        qCDebug(lcFeed).noquote() << "probe of" << transportTitle(status.transport) << "failed:" << status.reason;
        endProbe();
        ++m_nextProbe;
        scheduleProbe();
    }
}

void FailoverSource::moveTo(int index, const QString &why)
{
    const int from = m_active;
    m_active = index;
    ++m_switches;
    m_fallbackReason = why;
    endProbe();
    qCWarning(lcFeed).noquote() << why << "- falling back to transport" << index;
    transport(from)->stop();
    m_nextProbe = 0;
    scheduleProbe();
    transport(m_active)->start();
}

void FailoverSource::startProbe(int index)
{
    m_probing = index;
    transport(index)->start();
}

void FailoverSource::endProbe()
{
    if (m_probing < 0)
        return;
    const int probing = m_probing;
    m_probing = -1;
    transport(probing)->stop();
}

void FailoverSource::scheduleProbe()
{
    if (m_active > 0 && m_probing < 0 && !m_probeTimer.isActive())
        m_probeTimer.start(m_options.probeIntervalMs);
}

} // namespace vantage
