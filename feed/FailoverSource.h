#pragma once

#include "feed/FailoverOptions.h"
#include "feed/FrameSource.h"

#include <QTimer>

#include <memory>
#include <vector>

namespace vantage {

// The fallback chain: WebSocket, then SSE, then polling the JSON snapshot (best first). Runs one
// transport at a time and moves down when it cannot be established, or at once on an Error the
// transport would retry (errorRetryMs, a kiosk); while on a fallback it probes a better
// transport now and then, one probe at a time, and moves back up as soon as a probe goes live.
// An Error that stops retrying stays on its transport, for the operator to see. Every transport
// resumes from the pipeline's point, and the sequencer drops what two transports both
// delivered, so a switch loses nothing.
class FailoverSource final : public FrameSource
{
    Q_OBJECT
public:
    // `transports` best first; each must report its kind in ConnectionStatus::transport.
    FailoverSource(std::vector<std::unique_ptr<FrameSource>> transports, FailoverOptions options,
                   QObject *parent = nullptr);
    ~FailoverSource() override;

    void start() override;
    void stop() override;
    // Tries the best transport now (as a probe when on a fallback), else skips the active wait.
    void reconnectNow() override;
    bool sendText(const QByteArray &text) override;

    int activeIndex() const { return m_active; }
    int probingIndex() const { return m_probing; }
    // Transport changes since start(), downward and upward.
    int switchCount() const { return m_switches; }

private:
    void onTransportStatus(int index, const ConnectionStatus &status);
    void onActiveStatus(const ConnectionStatus &status);
    void onProbeStatus(const ConnectionStatus &status);
    void moveTo(int index, const QString &why);
    void startProbe(int index);
    void endProbe();
    void scheduleProbe();
    FrameSource *transport(int index) const { return m_transports[std::size_t(index)]; }

    std::vector<FrameSource *> m_transports; // children, best first
    FailoverOptions m_options;
    QTimer m_probeTimer;
    int m_active = 0;
    int m_probing = -1;
    int m_nextProbe = 0;
    int m_switches = 0;
    bool m_running = false;
    QString m_fallbackReason; // why the chain left the better transport, shown while on a fallback
};

} // namespace vantage
