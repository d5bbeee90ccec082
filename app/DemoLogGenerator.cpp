#include "app/DemoLogGenerator.h"

#include "app/DemoScenario.h"
#include "feed/MessageEncoder.h"

#include <QDateTime>
#include <QIODevice>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace vantage {

namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr qint64 kDayMs = 24 * 3600 * 1000;

double round1(double value)
{
    return std::round(value * 10.0) / 10.0;
}
double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

// Builds the JSON text of an event's "metadata" object; values are escaped, keys are ours.
class JsonObjectText
{
public:
    void add(QLatin1String key, const QString &value)
    {
        appendKey(key);
        appendString(value);
    }
    void add(QLatin1String key, qint64 value)
    {
        appendKey(key);
        m_text += QString::number(value);
    }
    QString finish() { return m_text + u'}'; }

private:
    void appendKey(QLatin1String key)
    {
        m_text += m_text.isEmpty() ? u'{' : u',';
        appendString(QString(key));
        m_text += u':';
    }
    void appendString(const QString &value)
    {
        m_text += u'"';
        for (const QChar c : value) {
            if (c == u'"' || c == u'\\') {
                m_text += u'\\';
                m_text += c;
            } else if (c.unicode() < 0x20) {
                m_text += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            } else {
                m_text += c;
            }
        }
        m_text += u'"';
    }

    QString m_text;
};

QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

DemoLogGenerator::DemoLogGenerator(const DemoLogSettings &settings)
    : m_settings(settings)
    , m_rng(settings.seed)
    , m_totalSeconds(std::max(1, settings.minutes) * 60)
{
    // The timeline scales with the length of the log so a short log still has every act.
    const int total = m_totalSeconds;
    const auto at = [total](double fraction) { return static_cast<int>(std::lround(fraction * total)); };
    const auto incident = [](int start, int duration, double criticalAt, double calmAt) {
        Incident result;
        result.start = start;
        result.critical = std::max(start + 1, start + static_cast<int>(std::lround(criticalAt * duration)));
        result.calm = std::max(result.critical + 1, start + static_cast<int>(std::lround(calmAt * duration)));
        result.end = std::max(result.calm + 1, start + duration);
        return result;
    };
    m_latency = incident(at(0.30), std::max(4, at(0.10)), 0.25, 0.60);
    m_errors = incident(at(0.65), std::max(4, at(0.05)), 0.30, 0.70);
    m_deployAt = at(0.10);
    m_deployResolvedAt = m_deployAt + std::max(1, at(0.02));
    m_maintenanceResolvedAt = at(0.50);
}

void DemoLogGenerator::generate(const MessageFn &deliver)
{
    m_rng = DemoRandom(m_settings.seed);
    m_seq = 0;
    m_burstSecondsLeft = 0;
    m_burstFactor = 1.0;

    const qint64 startMs = m_settings.startMs;
    emitMessage(deliver, startMs,
                HelloInfo{.version = 1,
                          .epoch = QStringLiteral("demo-%1").arg(m_settings.seed, 0, 16),
                          .lastSeq = 0,
                          .heartbeatMs = 15000,
                          .server = QStringLiteral("vantage-demogen"),
                          .accepts = {}},
                MessageKind::Hello);
    // The state just before the log starts: the platform has been busy since midnight.
    const MetricsSample before = makeMetrics(-1);
    const ActiveUsersUpdate usersBefore = makeActiveUsers(-1);
    emitMessage(deliver, startMs, makeSnapshot(before, usersBefore), MessageKind::Snapshot);

    std::vector<int> offsets;
    for (int second = 0; second < m_totalSeconds; ++second) {
        const qint64 tsMs = startMs + qint64(second) * 1000;
        emitMessage(deliver, tsMs, makeMetrics(second), MessageKind::Metrics);
        emitAlerts(deliver, second, tsMs);
        if (second % 10 == 0)
            emitMessage(deliver, tsMs, makeActiveUsers(second), MessageKind::ActiveUsers);

        offsets.resize(static_cast<std::size_t>(m_rng.poisson(eventRate(second))));
        for (int &offset : offsets)
            offset = static_cast<int>(m_rng.intBetween(1, 999));
        std::sort(offsets.begin(), offsets.end());
        for (const int offset : offsets)
            emitMessage(deliver, tsMs + offset, makeEvent(), MessageKind::Event);
    }
}

void DemoLogGenerator::emitMessage(const MessageFn &deliver, qint64 tsMs, MessageBody body, MessageKind kind)
{
    Message message;
    message.kind = kind;
    message.seq = ++m_seq;
    message.tsMs = tsMs;
    message.wireType = QString(messageKindName(kind));
    message.body = std::move(body);
    deliver(message);
}

void DemoLogGenerator::emitAlerts(const MessageFn &deliver, int second, qint64 tsMs)
{
    const auto users = [this](double share) {
        return static_cast<int>(std::lround(m_lastActiveUsers * share));
    };
    const QString avg = QString::number(std::lround(m_lastAvgResponseMs));
    const QString errors = QString::number(m_lastErrorRate, 'f', 1);

    if (second == m_deployAt)
        emitAlert(deliver, tsMs, QStringLiteral("deploy-4.18.2"), Severity::Info,
                  QStringLiteral("Deploy 4.18.2 rolled out"), 0, true);
    if (second == m_deployResolvedAt)
        emitResolved(deliver, tsMs, QStringLiteral("deploy-4.18.2"), QStringLiteral("Auto-resolved"));
    if (second == m_maintenanceResolvedAt)
        emitResolved(deliver, tsMs, QStringLiteral("maintenance-search-index"),
                     QStringLiteral("Auto-resolved"));

    if (second == m_latency.start)
        emitAlert(deliver, tsMs, QStringLiteral("latency-warning"), Severity::Warning,
                  QStringLiteral("Average response time %1 ms exceeds 500 ms").arg(avg), users(0.2), false);
    if (second == m_latency.critical)
        emitAlert(deliver, tsMs, QStringLiteral("latency-critical"), Severity::Critical,
                  QStringLiteral("Average response time %1 ms exceeds 2000 ms: search and checkout degraded")
                      .arg(avg),
                  users(0.65), false);
    // Another operator takes the critical latency alert, as a server shares it (alert_ack).
    if (second == (m_latency.critical + m_latency.calm) / 2 && second > m_latency.critical)
        emitMessage(deliver, tsMs,
                    AlertAckInfo{.id = QStringLiteral("latency-critical"),
                                 .by = QStringLiteral("ops-anna"),
                                 .comment = QStringLiteral("Scaling search out; rollback ready")},
                    MessageKind::AlertAck);
    if (second == m_latency.calm)
        emitResolved(deliver, tsMs, QStringLiteral("latency-critical"),
                     QStringLiteral("Average response time back under 2000 ms (%1 ms)").arg(avg));
    if (second == m_latency.end)
        emitResolved(deliver, tsMs, QStringLiteral("latency-warning"),
                     QStringLiteral("Average response time back to normal (%1 ms)").arg(avg));

    if (second == m_errors.start)
        emitAlert(deliver, tsMs, QStringLiteral("error-rate-warning"), Severity::Warning,
                  QStringLiteral("Error rate %1% exceeds 2% on the payments API").arg(errors), users(0.1),
                  false);
    if (second == m_errors.critical)
        emitAlert(deliver, tsMs, QStringLiteral("error-rate-critical"), Severity::Critical,
                  QStringLiteral("Error rate %1% exceeds 5%: payment confirmations failing").arg(errors),
                  users(0.35), false);
    if (second == m_errors.calm)
        emitResolved(deliver, tsMs, QStringLiteral("error-rate-critical"),
                     QStringLiteral("Error rate back under 5% (%1%)").arg(errors));
    if (second == m_errors.end)
        emitResolved(deliver, tsMs, QStringLiteral("error-rate-warning"),
                     QStringLiteral("Error rate back to normal (%1%)").arg(errors));
}

void DemoLogGenerator::emitAlert(const MessageFn &deliver, qint64 tsMs, const QString &id, Severity severity,
                                 const QString &message, int affectedUsers, bool autoResolve)
{
    emitMessage(deliver, tsMs,
                AlertInfo{.id = id,
                          .severity = severity,
                          .message = message,
                          .affectedUsers = affectedUsers,
                          .autoResolve = autoResolve},
                MessageKind::Alert);
}

void DemoLogGenerator::emitResolved(const MessageFn &deliver, qint64 tsMs, const QString &id,
                                    const QString &reason)
{
    emitMessage(deliver, tsMs, AlertResolvedInfo{.id = id, .reason = reason}, MessageKind::AlertResolved);
}

SnapshotInfo DemoLogGenerator::makeSnapshot(const MetricsSample &metrics, const ActiveUsersUpdate &users)
{
    SnapshotInfo snapshot;
    const qint64 signups = m_rng.intBetween(120, 180);
    const qint64 suppliers = std::lround(double(signups) * m_rng.between(0.30, 0.36));
    const qint64 payments = m_rng.intBetween(80, 120);
    const double revenue = round2(double(payments) * m_rng.between(380.0, 520.0));
    const auto counter = [&snapshot](const char *name, double value) {
        snapshot.counters.push_back(NamedValue{utf8(name), value});
    };
    counter("signups", double(signups));
    counter("signups.supplier", double(suppliers));
    counter("signups.couple", double(signups - suppliers));
    counter("payments", double(payments));
    counter("revenue", revenue);
    counter("form_submissions", double(m_rng.intBetween(380, 460)));
    counter("invitations", double(m_rng.intBetween(220, 300)));
    counter("active_users", users.current);
    snapshot.metrics = metrics;
    snapshot.activeUsers = users;
    snapshot.alerts.push_back(
        AlertInfo{.id = QStringLiteral("maintenance-search-index"),
                  .severity = Severity::Info,
                  .message = QStringLiteral("Search index maintenance scheduled tonight at 23:00 UTC"),
                  .affectedUsers = 0,
                  .autoResolve = true});
    return snapshot;
}

MetricsSample DemoLogGenerator::makeMetrics(int second)
{
    const bool latencyIncident = second >= m_latency.start && second < m_latency.end;
    const bool errorIncident = second >= m_errors.start && second < m_errors.end;
    const double shape = dayShape(second);

    double rps = 320.0 + 520.0 * shape + 45.0 * std::sin(kTwoPi * second / 900.0) + m_rng.noise(25.0);
    if (errorIncident)
        rps += 60.0; // clients retrying failed calls
    rps = std::clamp(std::round(rps), 300.0, 900.0);

    const double avg = latencyMs(second);
    const double p95 = avg * (latencyIncident ? m_rng.between(1.4, 1.7) : m_rng.between(1.9, 2.4));
    const double errorRate = errorRatePercent(second);
    double queue = latencyIncident ? avg / 9.0 + m_rng.noise(15.0) : m_rng.between(3.0, 18.0);
    if (errorIncident)
        queue += 40.0;
    double cpu = latencyIncident ? m_rng.between(82.0, 95.0) : 30.0 + 22.0 * shape + m_rng.noise(4.0);
    if (errorIncident)
        cpu += 8.0;
    double memory = 57.0 + 7.0 * second / m_totalSeconds + m_rng.noise(0.8);
    if (latencyIncident)
        memory += 9.0;

    // Without a draw of their own, so the rest of the log stays as it was: the median sits below
    // the mean of a long-tailed latency, closer to it when everything is slow; connections are
    // the requests in flight (Little's law) and the clients' idle keep-alive ones.
    const double p50 = avg * (latencyIncident ? 0.92 : 0.8);
    const double connections = rps * avg / 1000.0 + 0.4 * activeUsersCurve(second);

    m_lastAvgResponseMs = avg;
    m_lastErrorRate = errorRate;

    MetricsSample sample;
    sample.gauges = {
        {QStringLiteral("requests_per_second"), rps},
        {QStringLiteral("avg_response_ms"), round1(avg)},
        {QStringLiteral("p50_response_ms"), round1(p50)},
        {QStringLiteral("p95_response_ms"), round1(p95)},
        {QStringLiteral("error_rate"), round2(errorRate)},
        {QStringLiteral("queue_depth"), std::max(0.0, std::round(queue))},
        {QStringLiteral("cpu_percent"), round1(std::clamp(cpu, 1.0, 99.0))},
        {QStringLiteral("memory_percent"), round1(std::clamp(memory, 1.0, 99.0))},
        {QStringLiteral("active_connections"), std::round(connections)},
    };
    return sample;
}

ActiveUsersUpdate DemoLogGenerator::makeActiveUsers(int second)
{
    ActiveUsersUpdate users;
    const double curve = activeUsersCurve(second);
    const double current = std::clamp(std::round(curve + m_rng.noise(6.0)), 300.0, 1500.0);
    const double suppliers = std::round(current * (0.30 + 0.03 * std::sin(kTwoPi * second / 1300.0)));
    users.current = current;
    users.byRole = {{QStringLiteral("supplier"), suppliers}, {QStringLiteral("couple"), current - suppliers}};
    const double hourAgo = activeUsersCurve(second - 3600);
    users.trend = round1((curve - hourAgo) / hourAgo * 100.0);
    const auto count = m_rng.intBetween(20, 40);
    users.locations.reserve(static_cast<std::size_t>(count));
    for (qint64 i = 0; i < count; ++i)
        users.locations.push_back(randomLocation());
    m_lastActiveUsers = static_cast<int>(current);
    return users;
}

LiveEvent DemoLogGenerator::makeEvent()
{
    LiveEvent event;
    event.id = randomId(QLatin1String("evt_"));
    event.userId = randomId(QLatin1String("usr_"));
    event.userName = randomName();
    const double kind = m_rng.unit();
    if (kind < 0.22)
        fillSignup(event);
    else if (kind < 0.40)
        fillPayment(event);
    else if (kind < 0.76)
        fillFormSubmission(event);
    else
        fillInvitation(event);
    return event;
}

void DemoLogGenerator::fillSignup(LiveEvent &event)
{
    event.type = QStringLiteral("signup");
    event.location = randomLocation();
    JsonObjectText metadata;
    if (m_rng.chance(1.0 / 3.0)) {
        const DemoVendorType &vendor = m_rng.pick(demoVendorTypes());
        event.role = QStringLiteral("supplier");
        event.description = QStringLiteral("New %1 signed up").arg(utf8(vendor.name));
        metadata.add(QLatin1String("vendorType"), utf8(vendor.name));
        metadata.add(QLatin1String("businessName"),
                     utf8(m_rng.pick(demoLastNames())) + u' ' + utf8(vendor.businessSuffix));
    } else {
        event.role = QStringLiteral("couple");
        event.description = QStringLiteral("New couple signed up");
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_settings.startMs, Qt::UTC).date();
        metadata.add(QLatin1String("partnerName"), utf8(m_rng.pick(demoFirstNames())));
        metadata.add(QLatin1String("weddingDate"),
                     today.addDays(m_rng.intBetween(60, 700)).toString(Qt::ISODate));
        metadata.add(QLatin1String("guestCount"), m_rng.intBetween(20, 250));
    }
    metadata.add(QLatin1String("source"), utf8(m_rng.pick(demoSignupSources())));
    event.metadataJson = metadata.finish();
}

void DemoLogGenerator::fillPayment(LiveEvent &event)
{
    event.type = QStringLiteral("payment");
    // The platform settles in pounds wherever the customer is, so revenue sums one currency.
    event.location = randomLocation();
    event.currency = QStringLiteral("GBP");
    JsonObjectText metadata;
    if (m_rng.chance(0.85)) {
        const DemoVendorType &vendor = m_rng.pick(demoVendorTypes());
        const QString vendorName = utf8(vendor.name);
        const double booking = m_rng.between(vendor.minBooking, vendor.maxBooking);
        const double kind = m_rng.unit();
        double value = 0.0;
        if (kind < 0.45) {
            value = booking * m_rng.between(0.10, 0.30);
            event.description = QStringLiteral("Deposit for %1 booking").arg(vendorName);
            metadata.add(QLatin1String("kind"), QStringLiteral("deposit"));
        } else if (kind < 0.75) {
            value = booking * m_rng.between(0.50, 1.00);
            event.description = QStringLiteral("Final balance for %1").arg(vendorName);
            metadata.add(QLatin1String("kind"), QStringLiteral("balance"));
        } else {
            value = booking * m_rng.between(0.10, 0.25);
            event.description = QStringLiteral("Instalment for %1 package").arg(vendorName);
            metadata.add(QLatin1String("kind"), QStringLiteral("instalment"));
        }
        event.role = QStringLiteral("couple");
        event.value = round2(std::clamp(value, 25.0, 4000.0));
        metadata.add(QLatin1String("vendorType"), vendorName);
        static constexpr std::array methods = {"card", "bank transfer", "Apple Pay", "PayPal"};
        metadata.add(QLatin1String("method"), utf8(m_rng.pick(std::span<const char *const>(methods))));
    } else {
        static constexpr std::array plans = {29.0, 49.0, 99.0};
        static constexpr std::array planNames = {"Starter", "Professional", "Premium"};
        const auto plan = static_cast<std::size_t>(m_rng.intBetween(0, 2));
        event.role = QStringLiteral("supplier");
        event.value = plans[plan];
        event.description = QStringLiteral("Subscription: %1 plan").arg(utf8(planNames[plan]));
        metadata.add(QLatin1String("kind"), QStringLiteral("subscription"));
        metadata.add(QLatin1String("billing"), QStringLiteral("monthly"));
    }
    event.metadataJson = metadata.finish();
}

void DemoLogGenerator::fillFormSubmission(LiveEvent &event)
{
    event.type = QStringLiteral("form_submission");
    event.location = randomLocation();
    const DemoForm &form = m_rng.pick(demoForms());
    const QString title = utf8(form.title);
    JsonObjectText metadata;
    metadata.add(QLatin1String("form"), title);
    metadata.add(QLatin1String("fields"), qint64(form.fields));
    if (m_rng.chance(0.75)) {
        const QString business = utf8(m_rng.pick(demoLastNames())) + u' ' + utf8(form.businessSuffix);
        event.role = QStringLiteral("couple");
        event.description = QStringLiteral("Completed the %1 form for %2").arg(title, business);
        metadata.add(QLatin1String("businessName"), business);
    } else {
        event.role = QStringLiteral("supplier");
        event.description = QStringLiteral("Published the %1 form").arg(title);
    }
    event.metadataJson = metadata.finish();
}

void DemoLogGenerator::fillInvitation(LiveEvent &event)
{
    event.type = QStringLiteral("invitation");
    event.location = randomLocation();
    JsonObjectText metadata;
    if (m_rng.chance(0.85)) {
        const qint64 count = m_rng.intBetween(20, 250);
        event.role = QStringLiteral("couple");
        event.description = QStringLiteral("Sent %1 invitations").arg(count);
        metadata.add(QLatin1String("count"), count);
        metadata.add(QLatin1String("channel"), utf8(m_rng.pick(demoInvitationChannels())));
    } else {
        const qint64 count = m_rng.intBetween(1, 6);
        event.role = QStringLiteral("supplier");
        event.description = count == 1
                                ? QStringLiteral("Invited a couple to their client portal")
                                : QStringLiteral("Invited %1 couples to their client portal").arg(count);
        metadata.add(QLatin1String("count"), count);
        metadata.add(QLatin1String("channel"), QStringLiteral("email"));
    }
    event.metadataJson = metadata.finish();
}

// 0 at 04:00 UTC, 1 at 16:00 UTC: the platform's daily rhythm.
double DemoLogGenerator::dayShape(int second) const
{
    const qint64 ms = m_settings.startMs + qint64(second) * 1000;
    const double hour = double(((ms % kDayMs) + kDayMs) % kDayMs) / 3'600'000.0;
    return 0.5 - 0.5 * std::cos(kTwoPi * (hour - 4.0) / 24.0);
}

double DemoLogGenerator::activeUsersCurve(int second) const
{
    const double curve = 300.0 + 1050.0 * dayShape(second) + 70.0 * std::sin(kTwoPi * second / 1800.0);
    return std::clamp(curve, 300.0, 1500.0);
}

// A few events per second, in bursts of a few to twenty seconds (a newsletter, a wedding fair).
double DemoLogGenerator::eventRate(int second)
{
    if (m_burstSecondsLeft > 0) {
        --m_burstSecondsLeft;
    } else if (m_rng.chance(1.0 / 80.0)) {
        m_burstSecondsLeft = static_cast<int>(m_rng.intBetween(4, 20));
        m_burstFactor = m_rng.between(2.5, 4.5);
    }
    const double base = 1.5 + 1.5 * dayShape(second);
    return m_burstSecondsLeft > 0 ? base * m_burstFactor : base;
}

double DemoLogGenerator::latencyMs(int second)
{
    const Incident &i = m_latency;
    const double normal = 165.0 + 25.0 * dayShape(second) + m_rng.noise(12.0);
    const auto progress = [second](int from, int to) { return double(second - from) / double(to - from); };
    const int leadIn = std::max(1, static_cast<int>(std::lround(0.01 * m_totalSeconds)));
    if (second >= i.start - leadIn && second < i.start)
        return std::min(490.0, normal + (470.0 - normal) * progress(i.start - leadIn - 1, i.start));
    if (second >= i.start && second < i.critical)
        return std::clamp(560.0 + 900.0 * progress(i.start, i.critical) + m_rng.noise(40.0), 510.0, 1950.0);
    if (second >= i.critical && second < i.calm)
        return std::max(2050.0, 2150.0 + 650.0 * std::sin(std::numbers::pi * progress(i.critical, i.calm)) +
                                    m_rng.noise(80.0));
    if (second >= i.calm && second < i.end)
        return std::clamp(1750.0 - 1150.0 * progress(i.calm, i.end) + m_rng.noise(40.0), 510.0, 1950.0);
    return normal;
}

double DemoLogGenerator::errorRatePercent(int second)
{
    const Incident &i = m_errors;
    const auto progress = [second](int from, int to) { return double(second - from) / double(to - from); };
    if (second >= i.start && second < i.critical)
        return std::clamp(2.3 + 1.6 * progress(i.start, i.critical) + m_rng.noise(0.2), 2.1, 4.8);
    if (second >= i.critical && second < i.calm)
        return std::max(5.2, 6.0 + 2.5 * std::sin(std::numbers::pi * progress(i.critical, i.calm)) +
                                 m_rng.noise(0.4));
    if (second >= i.calm && second < i.end)
        return std::clamp(4.0 - 1.7 * progress(i.calm, i.end) + m_rng.noise(0.2), 2.1, 4.8);
    if (second >= m_latency.start && second < m_latency.end)
        return 0.7 + m_rng.noise(0.25); // timeouts during the latency spike, still under 2 %
    return std::max(0.05, 0.3 + m_rng.noise(0.12));
}

QString DemoLogGenerator::randomName()
{
    return utf8(m_rng.pick(demoFirstNames())) + u' ' + utf8(m_rng.pick(demoLastNames()));
}

QString DemoLogGenerator::randomId(QLatin1String prefix)
{
    return prefix + QString::number(m_rng.next() & 0xFFFF'FFFF'FFFFULL, 16).rightJustified(12, u'0');
}

GeoLocation DemoLogGenerator::randomLocation()
{
    const std::span<const DemoCity> cities = demoCities();
    int totalWeight = 0;
    for (const DemoCity &city : cities)
        totalWeight += city.weight;
    auto ticket = m_rng.intBetween(0, totalWeight - 1);
    const DemoCity *chosen = &cities.back();
    for (const DemoCity &city : cities) {
        if (ticket < city.weight) {
            chosen = &city;
            break;
        }
        ticket -= city.weight;
    }
    GeoLocation location;
    // A few kilometres of scatter so the map shows neighbourhoods, not one dot per city.
    location.lat = std::round((chosen->lat + m_rng.noise(0.05)) * 1e4) / 1e4;
    location.lon = std::round((chosen->lon + m_rng.noise(0.05)) * 1e4) / 1e4;
    location.country = utf8(chosen->country);
    location.city = utf8(chosen->name);
    return location;
}

bool writeDemoLog(QIODevice &out, const DemoLogSettings &settings)
{
    bool ok = true;
    DemoLogGenerator generator(settings);
    generator.generate([&out, &ok](const Message &message) {
        if (!ok)
            return;
        QByteArray line = encodeMessage(message);
        line.append('\n');
        ok = out.write(line) == line.size();
    });
    return ok;
}

} // namespace vantage
