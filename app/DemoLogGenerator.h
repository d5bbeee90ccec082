#pragma once

#include "app/DemoRandom.h"
#include "feed/Message.h"

#include <functional>

class QIODevice;

namespace vantage {

struct DemoLogSettings
{
    quint64 seed = 20260613;
    int minutes = 60;
    qint64 startMs = 1'781'341'200'000; // 2026-06-13T09:00:00Z, a Saturday morning in wedding season
};

// A deterministic hour (by default) of the wedding-marketplace platform of seed 000: hello,
// snapshot, then metrics every second, active users every 10 s, bursty live events, two
// incidents with escalating alerts, and an info alert. Equal settings give equal output.
class DemoLogGenerator final
{
public:
    using MessageFn = std::function<void(const Message &)>;

    explicit DemoLogGenerator(const DemoLogSettings &settings);

    // Produces every message in order (seq from 1, non-decreasing time).
    void generate(const MessageFn &deliver);

private:
    struct Incident
    {
        int start = 0;    // second of the log at which the alert is raised
        int critical = 0; // second at which it escalates to critical
        int calm = 0;     // second at which the critical alert is resolved
        int end = 0;      // second at which the warning alert is resolved
    };

    void emitMessage(const MessageFn &deliver, qint64 tsMs, MessageBody body, MessageKind kind);
    // Raises and resolves the alerts due at this second, after its metrics sample.
    void emitAlerts(const MessageFn &deliver, int second, qint64 tsMs);
    void emitAlert(const MessageFn &deliver, qint64 tsMs, const QString &id, Severity severity,
                   const QString &message, int affectedUsers, bool autoResolve);
    void emitResolved(const MessageFn &deliver, qint64 tsMs, const QString &id, const QString &reason);

    SnapshotInfo makeSnapshot(const MetricsSample &metrics, const ActiveUsersUpdate &users);
    MetricsSample makeMetrics(int second);
    ActiveUsersUpdate makeActiveUsers(int second);
    LiveEvent makeEvent();
    void fillSignup(LiveEvent &event);
    void fillPayment(LiveEvent &event);
    void fillFormSubmission(LiveEvent &event);
    void fillInvitation(LiveEvent &event);

    double dayShape(int second) const;
    double activeUsersCurve(int second) const;
    double eventRate(int second);
    double latencyMs(int second);
    double errorRatePercent(int second);
    static double phase(const Incident &incident, int second);

    QString randomName();
    QString randomId(QLatin1String prefix);
    GeoLocation randomLocation();

    DemoLogSettings m_settings;
    DemoRandom m_rng;
    int m_totalSeconds = 0;
    qint64 m_seq = 0;
    Incident m_latency;
    Incident m_errors;
    int m_deployAt = 0;
    int m_deployResolvedAt = 0;
    int m_maintenanceResolvedAt = 0;
    int m_burstSecondsLeft = 0;
    double m_burstFactor = 1.0;
    int m_lastActiveUsers = 0;
    double m_lastAvgResponseMs = 0.0;
    double m_lastErrorRate = 0.0;
};

// Writes the demo log as NDJSON, one protocol-v1 frame per line. False when a write failed.
bool writeDemoLog(QIODevice &out, const DemoLogSettings &settings);

} // namespace vantage
