#include "relay/RelayMetrics.h"

namespace vantage {

namespace {

class Exposition
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_text += "# HELP vantage_relay_";
        m_text += name;
        m_text += ' ';
        m_text += help;
        m_text += "\n# TYPE vantage_relay_";
        m_text += name;
        m_text += ' ';
        m_text += type;
        m_text += '\n';
    }

    // One sample; labels is empty or a whole label set such as {transport="sse"}.
    void sample(const char *name, const char *labels, const QByteArray &value)
    {
        m_text += "vantage_relay_";
        m_text += name;
        m_text += labels;
        m_text += ' ';
        m_text += value;
        m_text += '\n';
    }

    void sample(const char *name, const char *labels, quint64 value)
    {
        sample(name, labels, QByteArray::number(value));
    }

    QByteArray text() const { return m_text; }

private:
    QByteArray m_text;
};

} // namespace

QByteArray prometheusText(const RelayMetrics &metrics)
{
    Exposition out;
    out.family("clients", "gauge", "Connected clients, by transport.");
    out.sample("clients", "{transport=\"websocket\"}", quint64(metrics.webSocketClients));
    out.sample("clients", "{transport=\"sse\"}", quint64(metrics.sseClients));
    out.family("messages_published_total", "counter",
               "Messages published to the stream, each with its own seq.");
    out.sample("messages_published_total", "", metrics.messagesPublished);
    out.family("messages_sent_total", "counter",
               "Messages written to clients, counted per client; hello, snapshots and replays included.");
    out.sample("messages_sent_total", "", metrics.messagesSent);
    out.family("resume_requests_total", "counter",
               "Resume requests, by result: served from the buffer, or missed and answered with a snapshot.");
    out.sample("resume_requests_total", "{result=\"served\"}", metrics.resumesServed);
    out.sample("resume_requests_total", "{result=\"missed\"}", metrics.resumesMissed);
    out.family(
        "clients_dropped_total", "counter",
        "Clients dropped because their unsent backlog passed the limit; their unsent frames went with them.");
    out.sample("clients_dropped_total", "", metrics.clientsDropped);
    out.family("dropped_bytes_total", "counter", "Unsent bytes discarded with dropped clients.");
    out.sample("dropped_bytes_total", "", metrics.droppedBytes);
    out.family("last_seq", "gauge", "The seq of the newest message.");
    out.sample("last_seq", "", QByteArray::number(metrics.lastSeq));
    out.family("uptime_seconds", "gauge", "Seconds since the relay started listening.");
    out.sample("uptime_seconds", "", QByteArray::number(metrics.uptimeSeconds, 'f', 3));
    return out.text();
}

} // namespace vantage
