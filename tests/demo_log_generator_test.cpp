#include "app/DemoLogGenerator.h"
#include "feed/Decoder.h"

#include <QBuffer>
#include <QHash>
#include <QSet>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

using namespace vantage;

namespace {

QByteArray generate(const DemoLogSettings &settings)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EXPECT_TRUE(writeDemoLog(buffer, settings));
    return buffer.data();
}

struct DecodedLog
{
    std::vector<Message> messages;
    int failures = 0;
};

DecodedLog decodeLog(const QByteArray &log)
{
    DecodedLog result;
    Decoder decoder;
    for (qsizetype start = 0; start < log.size();) {
        qsizetype end = log.indexOf('\n', start);
        if (end < 0)
            end = log.size();
        const QByteArrayView line = QByteArrayView(log).sliced(start, end - start);
        start = end + 1;
        if (line.isEmpty())
            continue;
        Message message;
        const DecodeError error = decoder.decode(line, 0, 0, message);
        if (error != DecodeError::None) {
            if (++result.failures <= 3)
                ADD_FAILURE() << decodeErrorName(error).data() << ": "
                              << line.first(std::min<qsizetype>(line.size(), 200)).toByteArray().constData();
            continue;
        }
        result.messages.push_back(std::move(message));
    }
    return result;
}

double gauge(const MetricsSample &sample, QLatin1String name)
{
    for (const NamedValue &value : sample.gauges) {
        if (value.name == name)
            return value.value;
    }
    return qQNaN();
}

// Continents by country code, for the countries the demo's cities are in.
QString continentOf(const QString &country)
{
    static const QHash<QString, QString> continents = {
        {QStringLiteral("GB"), QStringLiteral("Europe")},
        {QStringLiteral("IE"), QStringLiteral("Europe")},
        {QStringLiteral("FR"), QStringLiteral("Europe")},
        {QStringLiteral("PT"), QStringLiteral("Europe")},
        {QStringLiteral("ES"), QStringLiteral("Europe")},
        {QStringLiteral("IT"), QStringLiteral("Europe")},
        {QStringLiteral("DE"), QStringLiteral("Europe")},
        {QStringLiteral("NL"), QStringLiteral("Europe")},
        {QStringLiteral("US"), QStringLiteral("North America")},
        {QStringLiteral("CA"), QStringLiteral("North America")},
        {QStringLiteral("MX"), QStringLiteral("North America")},
        {QStringLiteral("BR"), QStringLiteral("South America")},
        {QStringLiteral("AR"), QStringLiteral("South America")},
        {QStringLiteral("ZA"), QStringLiteral("Africa")},
        {QStringLiteral("NG"), QStringLiteral("Africa")},
        {QStringLiteral("KE"), QStringLiteral("Africa")},
        {QStringLiteral("AE"), QStringLiteral("Asia")},
        {QStringLiteral("IN"), QStringLiteral("Asia")},
        {QStringLiteral("SG"), QStringLiteral("Asia")},
        {QStringLiteral("JP"), QStringLiteral("Asia")},
        {QStringLiteral("AU"), QStringLiteral("Oceania")},
        {QStringLiteral("NZ"), QStringLiteral("Oceania")},
    };
    return continents.value(country);
}

// One hour, generated and decoded once for the content tests.
const DecodedLog &defaultLog()
{
    static const DecodedLog log = decodeLog(generate(DemoLogSettings{}));
    return log;
}

} // namespace

TEST(DemoLogGenerator, SameSettingsGiveIdenticalBytes)
{
    DemoLogSettings settings;
    settings.minutes = 5;
    const QByteArray first = generate(settings);
    const QByteArray second = generate(settings);
    EXPECT_FALSE(first.isEmpty());
    EXPECT_EQ(first, second);

    settings.seed += 1;
    EXPECT_NE(generate(settings), first);
}

TEST(DemoLogGenerator, GeneratorIsRepeatable)
{
    DemoLogSettings settings;
    settings.minutes = 2;
    DemoLogGenerator generator(settings);
    std::vector<qint64> firstRun;
    std::vector<qint64> secondRun;
    generator.generate([&firstRun](const Message &message) { firstRun.push_back(message.tsMs); });
    generator.generate([&secondRun](const Message &message) { secondRun.push_back(message.tsMs); });
    EXPECT_FALSE(firstRun.empty());
    EXPECT_EQ(firstRun, secondRun);
}

TEST(DemoLogGenerator, EveryLineDecodes)
{
    const DecodedLog &log = defaultLog();
    EXPECT_EQ(log.failures, 0);
    EXPECT_GT(log.messages.size(), std::size_t(3600));
}

TEST(DemoLogGenerator, StartsWithHelloThenSnapshotAndHasEveryKind)
{
    const auto &messages = defaultLog().messages;
    ASSERT_GE(messages.size(), std::size_t(2));
    EXPECT_EQ(messages[0].kind, MessageKind::Hello);
    EXPECT_EQ(messages[1].kind, MessageKind::Snapshot);
    std::set<MessageKind> kinds;
    for (const Message &message : messages)
        kinds.insert(message.kind);
    for (const MessageKind kind : {MessageKind::Event, MessageKind::Metrics, MessageKind::ActiveUsers,
                                   MessageKind::Alert, MessageKind::AlertResolved}) {
        EXPECT_TRUE(kinds.count(kind)) << messageKindName(kind).data();
    }
    EXPECT_EQ(std::count_if(messages.begin(), messages.end(),
                            [](const Message &m) { return m.kind == MessageKind::Hello; }),
              1);
}

TEST(DemoLogGenerator, SeqIncreasesAndTimeSpansTheConfiguredMinutes)
{
    DemoLogSettings settings;
    settings.minutes = 10;
    const DecodedLog log = decodeLog(generate(settings));
    const auto &messages = log.messages;
    ASSERT_FALSE(messages.empty());
    for (std::size_t i = 0; i < messages.size(); ++i) {
        ASSERT_EQ(messages[i].seq, qint64(i) + 1);
        if (i > 0) {
            ASSERT_GE(messages[i].tsMs, messages[i - 1].tsMs) << "seq " << messages[i].seq;
        }
    }
    EXPECT_EQ(messages.front().tsMs, settings.startMs);
    const qint64 span = messages.back().tsMs - messages.front().tsMs;
    EXPECT_GE(span, (10 * 60 - 2) * 1000);
    EXPECT_LT(span, 10 * 60 * 1000);
    const auto metrics = std::count_if(messages.begin(), messages.end(),
                                       [](const Message &m) { return m.kind == MessageKind::Metrics; });
    const auto activeUsers = std::count_if(messages.begin(), messages.end(), [](const Message &m) {
        return m.kind == MessageKind::ActiveUsers;
    });
    EXPECT_EQ(metrics, 600);
    EXPECT_EQ(activeUsers, 60);
}

TEST(DemoLogGenerator, EveryRaisedAlertIsResolvedAfterwards)
{
    const auto &messages = defaultLog().messages;
    QHash<QString, Severity> open;
    QSet<QString> raised;
    QSet<Severity> severities;
    for (const Message &message : messages) {
        if (const auto *snapshot = std::get_if<SnapshotInfo>(&message.body)) {
            for (const AlertInfo &alert : snapshot->alerts)
                open.insert(alert.id, alert.severity);
        } else if (const auto *alert = std::get_if<AlertInfo>(&message.body)) {
            EXPECT_FALSE(open.contains(alert->id)) << alert->id.toStdString();
            EXPECT_FALSE(alert->message.isEmpty());
            open.insert(alert->id, alert->severity);
            raised.insert(alert->id);
            severities.insert(alert->severity);
        } else if (const auto *resolved = std::get_if<AlertResolvedInfo>(&message.body)) {
            EXPECT_TRUE(open.remove(resolved->id))
                << "resolved before raised: " << resolved->id.toStdString();
        }
    }
    EXPECT_TRUE(open.isEmpty()) << open.keys().join(u',').toStdString();
    EXPECT_GE(raised.size(), 5);
    EXPECT_TRUE(severities.contains(Severity::Info));
    EXPECT_TRUE(severities.contains(Severity::Warning));
    EXPECT_TRUE(severities.contains(Severity::Critical));
}

TEST(DemoLogGenerator, MetricsHaveTheIncidents)
{
    std::vector<double> avg;
    double maxAvg = 0.0;
    double maxErrorRate = 0.0;
    for (const Message &message : defaultLog().messages) {
        const auto *sample = std::get_if<MetricsSample>(&message.body);
        if (!sample || message.kind != MessageKind::Metrics)
            continue;
        const double rps = gauge(*sample, QLatin1String("requests_per_second"));
        EXPECT_GE(rps, 300.0);
        EXPECT_LE(rps, 900.0);
        for (const char *name : {"p95_response_ms", "queue_depth", "cpu_percent", "memory_percent"}) {
            EXPECT_FALSE(qIsNaN(gauge(*sample, QLatin1String(name)))) << name;
        }
        avg.push_back(gauge(*sample, QLatin1String("avg_response_ms")));
        maxAvg = std::max(maxAvg, avg.back());
        maxErrorRate = std::max(maxErrorRate, gauge(*sample, QLatin1String("error_rate")));
    }
    ASSERT_EQ(avg.size(), std::size_t(3600));
    std::nth_element(avg.begin(), avg.begin() + avg.size() / 2, avg.end());
    const double median = avg[avg.size() / 2];
    EXPECT_GT(median, 150.0);
    EXPECT_LT(median, 220.0);
    EXPECT_GT(maxAvg, 2000.0);
    EXPECT_GT(maxErrorRate, 2.0);
}

TEST(DemoLogGenerator, EventsCoverSignupsPaymentsAndContinents)
{
    QSet<QString> types;
    QSet<QString> signupRoles;
    QSet<QString> continents;
    QSet<QString> currencies;
    int payments = 0;
    int events = 0;
    for (const Message &message : defaultLog().messages) {
        const auto *event = std::get_if<LiveEvent>(&message.body);
        if (!event)
            continue;
        ++events;
        types.insert(event->type);
        EXPECT_FALSE(event->userName.isEmpty());
        EXPECT_FALSE(event->description.isEmpty());
        EXPECT_TRUE(event->location.hasCoordinates());
        continents.insert(continentOf(event->location.country));
        if (event->type == QLatin1String("signup")) {
            signupRoles.insert(event->role);
            if (event->role == QLatin1String("supplier")) {
                EXPECT_TRUE(event->metadataJson.contains(QLatin1String("\"vendorType\"")));
            }
        } else if (event->type == QLatin1String("payment")) {
            ++payments;
            EXPECT_GE(event->value, 25.0);
            EXPECT_LE(event->value, 4000.0);
            currencies.insert(event->currency);
        }
    }
    // A few per second on average over the hour.
    EXPECT_GT(events, 3600);
    EXPECT_LT(events, 6 * 3600);
    EXPECT_EQ(types, (QSet<QString>{QStringLiteral("signup"), QStringLiteral("payment"),
                                    QStringLiteral("form_submission"), QStringLiteral("invitation")}));
    EXPECT_EQ(signupRoles, (QSet<QString>{QStringLiteral("supplier"), QStringLiteral("couple")}));
    EXPECT_GT(payments, 100);
    // The platform settles in one currency, so today's revenue is a meaningful sum.
    EXPECT_EQ(currencies, QSet<QString>{QStringLiteral("GBP")});
    continents.remove(QString());
    EXPECT_GE(continents.size(), 4);
}

TEST(DemoLogGenerator, ActiveUsersStayInRange)
{
    int updates = 0;
    for (const Message &message : defaultLog().messages) {
        const auto *users = std::get_if<ActiveUsersUpdate>(&message.body);
        if (!users)
            continue;
        ++updates;
        EXPECT_GE(users->current, 300.0);
        EXPECT_LE(users->current, 1500.0);
        EXPECT_GE(users->locations.size(), std::size_t(20));
        EXPECT_LE(users->locations.size(), std::size_t(40));
        double byRole = 0.0;
        for (const NamedValue &role : users->byRole)
            byRole += role.value;
        EXPECT_EQ(byRole, users->current);
        EXPECT_FALSE(qIsNaN(users->trend));
    }
    EXPECT_EQ(updates, 360);
}
