#include "feed/MessageEncoder.h"

#include "feed/Rfc3339.h"

#include <QVarLengthArray>

#include <charconv>
#include <cmath>

namespace vantage {

namespace {

// Appends JSON text; tracks per nesting level whether a separator is due.
class JsonWriter final
{
public:
    explicit JsonWriter(QByteArray &out) : m_out(out) {}

    void beginObject()
    {
        separate();
        open('{');
    }
    void beginObject(QByteArrayView key) { writeKey(key); open('{'); }
    void endObject() { close('}'); }
    void beginArray(QByteArrayView key) { writeKey(key); open('['); }
    void endArray() { close(']'); }

    void text(QByteArrayView key, const QString &value)
    {
        utf8Text(key, value.toUtf8());
    }
    void utf8Text(QByteArrayView key, QByteArrayView utf8)
    {
        writeKey(key);
        writeString(utf8);
    }
    // Empty strings stand for "absent" in Message, so they are left out.
    void optionalText(QByteArrayView key, const QString &value)
    {
        if (!value.isEmpty())
            text(key, value);
    }
    void number(QByteArrayView key, double value)
    {
        // JSON has no NaN or infinity: such a value is absent.
        if (!std::isfinite(value))
            return;
        writeKey(key);
        char buffer[32];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        m_out.append(buffer, result.ptr - buffer);
    }
    void integer(QByteArrayView key, qint64 value)
    {
        writeKey(key);
        m_out.append(QByteArray::number(value));
    }
    void boolean(QByteArrayView key, bool value)
    {
        writeKey(key);
        m_out.append(value ? "true" : "false");
    }
    void raw(QByteArrayView key, QByteArrayView json)
    {
        writeKey(key);
        m_out.append(json);
    }

private:
    void open(char bracket)
    {
        m_out.append(bracket);
        m_needsComma.append(false);
    }
    void close(char bracket)
    {
        m_out.append(bracket);
        m_needsComma.removeLast();
    }
    void separate()
    {
        if (m_needsComma.isEmpty())
            return;
        if (m_needsComma.last())
            m_out.append(',');
        m_needsComma.last() = true;
    }
    // An empty key is an array element.
    void writeKey(QByteArrayView key)
    {
        separate();
        if (!key.isEmpty()) {
            writeString(key);
            m_out.append(':');
        }
    }
    void writeString(QByteArrayView utf8)
    {
        static constexpr char kHex[] = "0123456789abcdef";
        m_out.append('"');
        for (const char c : utf8) {
            const auto byte = static_cast<unsigned char>(c);
            switch (c) {
            case '"': m_out.append("\\\""); break;
            case '\\': m_out.append("\\\\"); break;
            case '\n': m_out.append("\\n"); break;
            case '\r': m_out.append("\\r"); break;
            case '\t': m_out.append("\\t"); break;
            case '\b': m_out.append("\\b"); break;
            case '\f': m_out.append("\\f"); break;
            default:
                if (byte < 0x20) {
                    const char escape[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xf]};
                    m_out.append(escape, sizeof escape);
                } else {
                    m_out.append(c); // non-ASCII stays UTF-8
                }
            }
        }
        m_out.append('"');
    }

    QByteArray &m_out;
    QVarLengthArray<bool, 8> m_needsComma;
};

void writeLocation(JsonWriter &w, QByteArrayView key, const GeoLocation &location)
{
    if (key.isEmpty())
        w.beginObject();
    else
        w.beginObject(key);
    w.number("lat", location.lat);
    w.number("lon", location.lon);
    w.optionalText("country", location.country);
    w.optionalText("city", location.city);
    w.endObject();
}

void writeNamedValues(JsonWriter &w, QByteArrayView key, const std::vector<NamedValue> &values)
{
    w.beginObject(key);
    for (const NamedValue &entry : values)
        w.number(entry.name.toUtf8(), entry.value);
    w.endObject();
}

void writeEventFields(JsonWriter &w, const LiveEvent &event)
{
    w.optionalText("id", event.id);
    w.optionalText("type", event.type);
    w.optionalText("user_id", event.userId);
    w.optionalText("user_name", event.userName);
    w.optionalText("role", event.role);
    w.optionalText("description", event.description);
    w.number("value", event.value);
    w.optionalText("currency", event.currency);
    if (!event.location.isEmpty())
        writeLocation(w, "location", event.location);
    if (!event.metadataJson.isEmpty())
        w.raw("metadata", event.metadataJson.toUtf8());
}

void writeAlertFields(JsonWriter &w, const AlertInfo &alert)
{
    w.text("id", alert.id);
    w.text("severity", severityName(alert.severity));
    w.optionalText("message", alert.message);
    w.integer("affected_users", alert.affectedUsers);
    w.boolean("auto_resolve", alert.autoResolve);
}

void writeActiveUsersFields(JsonWriter &w, const ActiveUsersUpdate &users)
{
    w.number("current", users.current);
    if (!users.byRole.empty())
        writeNamedValues(w, "by_role", users.byRole);
    if (!users.locations.empty()) {
        w.beginArray("locations");
        for (const GeoLocation &location : users.locations)
            writeLocation(w, {}, location);
        w.endArray();
    }
    w.number("trend", users.trend);
}

void writeSnapshotFields(JsonWriter &w, const SnapshotInfo &snapshot)
{
    writeNamedValues(w, "counters", snapshot.counters);
    writeNamedValues(w, "metrics", snapshot.metrics.gauges);
    w.beginObject("active_users");
    writeActiveUsersFields(w, snapshot.activeUsers);
    w.endObject();
    w.beginArray("alerts");
    for (const AlertInfo &alert : snapshot.alerts) {
        w.beginObject();
        writeAlertFields(w, alert);
        w.endObject();
    }
    w.endArray();
    w.beginArray("events");
    for (const LiveEvent &event : snapshot.events) {
        w.beginObject();
        writeEventFields(w, event);
        w.endObject();
    }
    w.endArray();
}

// Writes the fields of `data` for each body alternative; monostate writes none.
struct BodyWriter
{
    JsonWriter &w;

    void operator()(std::monostate) const {}
    void operator()(const HelloInfo &hello) const
    {
        w.integer("protocol", hello.version);
        w.optionalText("epoch", hello.epoch);
        if (hello.lastSeq >= 0)
            w.integer("last_seq", hello.lastSeq);
        w.integer("heartbeat_ms", hello.heartbeatMs);
        w.optionalText("server", hello.server);
        if (!hello.accepts.empty()) {
            w.beginArray("accepts");
            for (const QString &type : hello.accepts)
                w.text({}, type);
            w.endArray();
        }
    }
    void operator()(const SnapshotInfo &snapshot) const { writeSnapshotFields(w, snapshot); }
    void operator()(const LiveEvent &event) const { writeEventFields(w, event); }
    void operator()(const MetricsSample &metrics) const
    {
        for (const NamedValue &gauge : metrics.gauges)
            w.number(gauge.name.toUtf8(), gauge.value);
    }
    void operator()(const ActiveUsersUpdate &users) const { writeActiveUsersFields(w, users); }
    void operator()(const AlertInfo &alert) const { writeAlertFields(w, alert); }
    void operator()(const AlertResolvedInfo &resolved) const
    {
        w.text("id", resolved.id);
        w.optionalText("reason", resolved.reason);
    }
    void operator()(const AlertAckInfo &ack) const
    {
        w.text("id", ack.id);
        w.optionalText("by", ack.by);
        w.optionalText("comment", ack.comment);
    }
    void operator()(const ProgressInfo &progress) const
    {
        w.optionalText("job_id", progress.jobId);
        w.optionalText("label", progress.label);
        w.optionalText("status", progress.status);
        w.number("percent", progress.percent);
        if (progress.completed >= 0)
            w.integer("completed", progress.completed);
        if (progress.total >= 0)
            w.integer("total", progress.total);
    }
    void operator()(const NotificationInfo &notification) const
    {
        w.optionalText("id", notification.id);
        w.optionalText("user_id", notification.userId);
        w.optionalText("title", notification.title);
        w.optionalText("body", notification.body);
        w.boolean("read", notification.read);
    }
};

} // namespace

QByteArray encodeMessage(const Message &message)
{
    QByteArray out;
    out.reserve(256);
    JsonWriter w(out);
    w.beginObject();
    w.integer("v", 1);
    w.text("type", messageKindName(message.kind));
    if (message.seq >= 0)
        w.integer("seq", message.seq);
    w.utf8Text("ts", formatRfc3339Ms(message.tsMs));
    if (!std::holds_alternative<std::monostate>(message.body)) {
        w.beginObject("data");
        std::visit(BodyWriter{w}, message.body);
        w.endObject();
    }
    w.endObject();
    return out;
}

} // namespace vantage
