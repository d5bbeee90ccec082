#include "models/NotificationPolicy.h"
#include "support/TestClock.h"
#include "widgets/ValueFormat.h"

#include <gtest/gtest.h>

// Which events and alerts make notification requests, and what the policy does with them:
// dedup, rate limits (critical alerts on their own budget), do-not-disturb, mute, silence, counts.

using vantage::AlertInfo;
using vantage::FeedItem;
using vantage::LiveEvent;
using vantage::NotificationPolicy;
using vantage::NotificationRequest;
using vantage::Severity;
using vantage::test::TestClock;
using Kind = NotificationRequest::Kind;
using Outcome = NotificationPolicy::Outcome;
using Channels = NotificationPolicy::Channels;

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;

const Channels kToastOnly{true, false, false};
const Channels kAllChannels{true, true, true};
const Channels kSoundOnly{false, false, true};

FeedItem event(const char *id, QLatin1String type, double value = qQNaN())
{
    FeedItem item;
    item.tsMs = 1'700'000'000'000;
    item.event.id = QLatin1String(id);
    item.event.type = type;
    item.event.userName = QStringLiteral("Ana Lima");
    item.event.value = value;
    item.event.currency = QStringLiteral("GBP");
    return item;
}

FeedItem signup(const char *id, const char *role = "supplier")
{
    FeedItem item = event(id, QLatin1String("signup"));
    item.event.role = QLatin1String(role);
    return item;
}

FeedItem payment(const char *id, double value)
{
    return event(id, QLatin1String("payment"), value);
}

AlertInfo alert(const char *id, Severity severity, int affectedUsers = 0)
{
    AlertInfo info;
    info.id = QLatin1String(id);
    info.severity = severity;
    info.message = QStringLiteral("Database latency above 2 s");
    info.affectedUsers = affectedUsers;
    return info;
}

std::vector<NotificationRequest> requestsFor(const NotificationPolicy &policy,
                                             const std::vector<FeedItem> &items)
{
    return policy.requestsFor(items, vantage::ValueFormat::currency);
}

NotificationRequest signupRequest(const char *id)
{
    return requestsFor(NotificationPolicy(), {signup(id)}).at(0);
}

NotificationRequest paymentRequest(const char *id)
{
    return requestsFor(NotificationPolicy(), {payment(id, 250.0)}).at(0);
}

NotificationRequest alertRequest(const char *id, Severity severity)
{
    return NotificationPolicy::requestsFor({alert(id, severity)}, 0).at(0);
}

} // namespace

TEST(NotificationRequests, SignupsMakeOneEach)
{
    const std::vector<NotificationRequest> requests =
        requestsFor(NotificationPolicy(), {signup("e1"), signup("e2", "couple")});
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].kind, Kind::Signup);
    EXPECT_EQ(requests[0].title, QStringLiteral("New supplier signed up!"));
    EXPECT_EQ(requests[0].body, QStringLiteral("Ana Lima"));
    EXPECT_EQ(requests[0].key, QStringLiteral("signup:e1"));
    EXPECT_EQ(requests[0].severity, Severity::Info);
    EXPECT_EQ(requests[0].tsMs, 1'700'000'000'000);
    EXPECT_TRUE(requests[0].alertId.isEmpty());
    EXPECT_EQ(requests[1].title, QStringLiteral("New couple signed up!"));
}

TEST(NotificationRequests, SignupTitleNamesAnUnknownRoleAsUserAndStaysOnOneLine)
{
    const NotificationPolicy policy;
    EXPECT_EQ(requestsFor(policy, {signup("e1", "")}).at(0).title, QStringLiteral("New user signed up!"));
    FeedItem item = signup("e2", "sup\nplier");
    item.event.userName = QStringLiteral("Ana\r\nLima");
    const NotificationRequest request = requestsFor(policy, {item}).at(0);
    EXPECT_EQ(request.title, QStringLiteral("New sup plier signed up!"));
    EXPECT_EQ(request.body, QStringLiteral("Ana  Lima"));
}

TEST(NotificationRequests, OnlyPaymentsAboveTheThresholdMakeOne)
{
    const NotificationPolicy policy;
    EXPECT_TRUE(requestsFor(policy, {payment("p1", 100.0)}).empty());
    EXPECT_TRUE(requestsFor(policy, {payment("p2", 99.99)}).empty());
    EXPECT_TRUE(requestsFor(policy, {payment("p3", qQNaN())}).empty());

    const std::vector<NotificationRequest> requests = requestsFor(policy, {payment("p4", 100.01)});
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].kind, Kind::Payment);
    EXPECT_EQ(requests[0].title, QStringLiteral("New payment: \u00a3100.01"));
    EXPECT_EQ(requests[0].body, QStringLiteral("Ana Lima"));
    EXPECT_EQ(requests[0].key, QStringLiteral("payment:p4"));
}

TEST(NotificationRequests, ThePaymentThresholdIsASetting)
{
    NotificationPolicy::Settings settings;
    settings.paymentThreshold = 250.0;
    const NotificationPolicy policy(settings);
    EXPECT_TRUE(requestsFor(policy, {payment("p1", 200.0)}).empty());
    EXPECT_EQ(requestsFor(policy, {payment("p2", 250.5)}).size(), 1u);
}

TEST(NotificationRequests, OtherEventTypesMakeNone)
{
    EXPECT_TRUE(requestsFor(NotificationPolicy(), {event("f1", QLatin1String("form_submission"), 500.0),
                                                   event("i1", QLatin1String("invitation")),
                                                   event("c1", QLatin1String("custom"), 900.0)})
                    .empty());
}

TEST(NotificationRequests, EventsWithoutAnIdAreKeyedByTimeAndUser)
{
    FeedItem item = signup("");
    item.event.userId = QStringLiteral("u7");
    EXPECT_EQ(requestsFor(NotificationPolicy(), {item}).at(0).key, QStringLiteral("signup:1700000000000/u7"));
}

TEST(NotificationRequests, AlertsAboveInfoMakeOneEach)
{
    const std::vector<NotificationRequest> requests =
        NotificationPolicy::requestsFor({alert("a1", Severity::Critical, 1250), alert("a2", Severity::Error),
                                         alert("a3", Severity::Warning), alert("a4", Severity::Info)},
                                        42);
    ASSERT_EQ(requests.size(), 3u);
    EXPECT_EQ(requests[0].kind, Kind::Alert);
    EXPECT_EQ(requests[0].severity, Severity::Critical);
    EXPECT_EQ(requests[0].title, QStringLiteral("Critical alert"));
    EXPECT_EQ(requests[0].body, QStringLiteral("Database latency above 2 s\n1,250 users affected"));
    EXPECT_EQ(requests[0].alertId, QStringLiteral("a1"));
    EXPECT_EQ(requests[0].key, QStringLiteral("alert:a1:critical"));
    EXPECT_EQ(requests[0].tsMs, 42);
    EXPECT_EQ(requests[1].title, QStringLiteral("Error alert"));
    EXPECT_EQ(requests[1].body, QStringLiteral("Database latency above 2 s"));
    EXPECT_EQ(requests[2].key, QStringLiteral("alert:a3:warning"));
}

TEST(NotificationPolicy, ChannelsByKind)
{
    EXPECT_EQ(NotificationPolicy::channelsFor(alertRequest("a1", Severity::Critical)), kAllChannels);
    EXPECT_EQ(NotificationPolicy::channelsFor(alertRequest("a2", Severity::Error)), kSoundOnly);
    EXPECT_EQ(NotificationPolicy::channelsFor(alertRequest("a3", Severity::Warning)), kSoundOnly);
    EXPECT_EQ(NotificationPolicy::channelsFor(signupRequest("e1")), (Channels{true, false, true}));
    EXPECT_EQ(NotificationPolicy::channelsFor(paymentRequest("p1")), (Channels{true, false, true}));
}

TEST(NotificationPolicy, DefaultsShowToastsSilentlyAndCriticalAlertsEverywhere)
{
    NotificationPolicy policy;
    const TestClock clock;
    const NotificationPolicy::Decision signupShown = policy.decide(signupRequest("e1"), clock.now());
    EXPECT_EQ(signupShown.outcome, Outcome::Show);
    EXPECT_EQ(signupShown.channels, kToastOnly);

    const NotificationPolicy::Decision critical =
        policy.decide(alertRequest("a1", Severity::Critical), clock.now());
    EXPECT_EQ(critical.outcome, Outcome::Show);
    EXPECT_EQ(critical.channels, kAllChannels);

    const NotificationPolicy::Decision warning =
        policy.decide(alertRequest("a2", Severity::Warning), clock.now());
    EXPECT_EQ(warning.outcome, Outcome::Show);
    EXPECT_EQ(warning.channels, kSoundOnly);
}

TEST(NotificationPolicy, InfoSoundsCanBeTurnedOn)
{
    NotificationPolicy::Settings settings;
    settings.soundBySeverity[size_t(Severity::Info)] = true;
    NotificationPolicy policy(settings);
    EXPECT_EQ(policy.decide(paymentRequest("p1"), 0).channels, (Channels{true, false, true}));
}

TEST(NotificationPolicy, TheSameKeyWithinTheDedupWindowIsADuplicate)
{
    NotificationPolicy policy;
    TestClock clock;
    const qint64 first = clock.now();
    EXPECT_EQ(policy.decide(signupRequest("e1"), clock.now()).outcome, Outcome::Show);
    clock.advance(kMinute);
    const NotificationPolicy::Decision again = policy.decide(signupRequest("e1"), clock.now());
    EXPECT_EQ(again.outcome, Outcome::Duplicate);
    EXPECT_EQ(again.channels, Channels{});
    EXPECT_EQ(policy.decide(signupRequest("e2"), clock.now()).outcome, Outcome::Show);

    clock.set(first + 10 * kMinute - 1);
    EXPECT_EQ(policy.decide(signupRequest("e1"), clock.now()).outcome, Outcome::Duplicate);
    clock.set(first + 10 * kMinute);
    EXPECT_EQ(policy.decide(signupRequest("e1"), clock.now()).outcome, Outcome::Show);
    EXPECT_EQ(policy.counts().duplicate, 2);
}

TEST(NotificationPolicy, AnAlertRaisedAgainAtAnotherSeverityIsNew)
{
    NotificationPolicy policy;
    EXPECT_EQ(policy.decide(alertRequest("a1", Severity::Warning), 0).outcome, Outcome::Show);
    EXPECT_EQ(policy.decide(alertRequest("a1", Severity::Critical), 0).outcome, Outcome::Show);
    EXPECT_EQ(policy.decide(alertRequest("a1", Severity::Critical), 0).outcome, Outcome::Duplicate);
}

TEST(NotificationPolicy, ARequestHeldBackIsNotADuplicateLater)
{
    NotificationPolicy::Settings settings;
    settings.doNotDisturb = true;
    NotificationPolicy policy(settings);
    EXPECT_EQ(policy.decide(signupRequest("e1"), 0).outcome, Outcome::DoNotDisturb);
    settings.doNotDisturb = false;
    policy.setSettings(settings);
    EXPECT_EQ(policy.decide(signupRequest("e1"), kSecond).outcome, Outcome::Show);
}

TEST(NotificationPolicy, RateLimitIsASlidingWindow)
{
    NotificationPolicy policy;
    TestClock clock;
    const qint64 first = clock.now();
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(policy.decide(paymentRequest(QByteArray::number(i).constData()), clock.now()).outcome,
                  Outcome::Show);
        clock.advance(kSecond);
    }
    EXPECT_EQ(policy.decide(paymentRequest("p5"), clock.now()).outcome, Outcome::RateLimited);
    clock.set(first + 30 * kSecond - 1);
    EXPECT_EQ(policy.decide(paymentRequest("p6"), clock.now()).outcome, Outcome::RateLimited);
    // The first shown leaves the window; one more fits, then the second must leave too.
    clock.set(first + 30 * kSecond);
    EXPECT_EQ(policy.decide(paymentRequest("p7"), clock.now()).outcome, Outcome::Show);
    EXPECT_EQ(policy.decide(paymentRequest("p8"), clock.now()).outcome, Outcome::RateLimited);
    clock.set(first + 31 * kSecond);
    EXPECT_EQ(policy.decide(paymentRequest("p9"), clock.now()).outcome, Outcome::Show);
    EXPECT_EQ(policy.counts().rateLimited, 3);
}

TEST(NotificationPolicy, ABurstOfPaymentsCannotHideACriticalAlert)
{
    NotificationPolicy policy;
    for (int i = 0; i < 20; ++i)
        policy.decide(paymentRequest(QByteArray::number(i).constData()), 0);
    EXPECT_EQ(policy.counts().rateLimited, 15);
    EXPECT_EQ(policy.decide(alertRequest("a1", Severity::Critical), 0).outcome, Outcome::Show);
    // Warning alerts share the general budget.
    EXPECT_EQ(policy.decide(alertRequest("a2", Severity::Warning), 0).outcome, Outcome::RateLimited);
}

TEST(NotificationPolicy, CriticalAlertsHaveTheirOwnLimit)
{
    NotificationPolicy::Settings settings;
    settings.criticalRateLimit = {2, 10 * kSecond};
    NotificationPolicy policy(settings);
    EXPECT_EQ(policy.decide(alertRequest("a1", Severity::Critical), 0).outcome, Outcome::Show);
    EXPECT_EQ(policy.decide(alertRequest("a2", Severity::Critical), 0).outcome, Outcome::Show);
    EXPECT_EQ(policy.decide(alertRequest("a3", Severity::Critical), 0).outcome, Outcome::RateLimited);
    EXPECT_EQ(policy.decide(signupRequest("e1"), 0).outcome, Outcome::Show);
    EXPECT_EQ(policy.decide(alertRequest("a4", Severity::Critical), 10 * kSecond).outcome, Outcome::Show);
}

TEST(NotificationPolicy, DoNotDisturbKeepsOnlyCriticalAlertsInTheWindow)
{
    NotificationPolicy::Settings settings;
    settings.doNotDisturb = true;
    NotificationPolicy policy(settings);
    EXPECT_EQ(policy.decide(signupRequest("e1"), 0).outcome, Outcome::DoNotDisturb);
    EXPECT_EQ(policy.decide(paymentRequest("p1"), 0).outcome, Outcome::DoNotDisturb);
    EXPECT_EQ(policy.decide(alertRequest("a1", Severity::Warning), 0).outcome, Outcome::DoNotDisturb);
    const NotificationPolicy::Decision critical = policy.decide(alertRequest("a2", Severity::Critical), 0);
    EXPECT_EQ(critical.outcome, Outcome::Show);
    EXPECT_EQ(critical.channels, kToastOnly);
    EXPECT_EQ(policy.counts().doNotDisturb, 3);
}

TEST(NotificationPolicy, MuteTurnsOffSoundsOnly)
{
    NotificationPolicy::Settings settings;
    settings.muted = true;
    settings.soundBySeverity[size_t(Severity::Info)] = true;
    NotificationPolicy policy(settings);
    EXPECT_EQ(policy.decide(signupRequest("e1"), 0).channels, kToastOnly);
    const NotificationPolicy::Decision critical = policy.decide(alertRequest("a1", Severity::Critical), 0);
    EXPECT_EQ(critical.outcome, Outcome::Show);
    EXPECT_EQ(critical.channels, (Channels{true, true, false}));
    EXPECT_EQ(policy.decide(alertRequest("a2", Severity::Warning), 0).outcome, Outcome::Muted);
}

TEST(NotificationPolicy, ASeverityWithItsSoundOffIsMuted)
{
    NotificationPolicy::Settings settings;
    settings.soundBySeverity[size_t(Severity::Warning)] = false;
    NotificationPolicy policy(settings);
    EXPECT_EQ(policy.decide(alertRequest("a1", Severity::Warning), 0).outcome, Outcome::Muted);
    EXPECT_EQ(policy.decide(alertRequest("a2", Severity::Error), 0).outcome, Outcome::Show);
}

TEST(NotificationPolicy, ASilencedAlertStaysQuietUntilTheSilenceEnds)
{
    NotificationPolicy policy;
    policy.silence(QStringLiteral("a1"), 60 * kMinute);
    EXPECT_EQ(policy.decide(alertRequest("a1", Severity::Critical), 0).outcome, Outcome::Silenced);
    EXPECT_EQ(policy.decide(alertRequest("a1", Severity::Warning), 60 * kMinute - 1).outcome,
              Outcome::Silenced);
    EXPECT_EQ(policy.decide(alertRequest("a2", Severity::Critical), 0).outcome, Outcome::Show);
    EXPECT_EQ(policy.decide(alertRequest("a1", Severity::Critical), 60 * kMinute).outcome, Outcome::Show);
}

TEST(NotificationPolicy, CountsEveryOutcomeAndTheChannelsOfTheShown)
{
    NotificationPolicy::Settings settings;
    settings.rateLimit = {1, 30 * kSecond};
    NotificationPolicy policy(settings);
    policy.silence(QStringLiteral("a9"), kMinute);
    policy.decide(alertRequest("a1", Severity::Critical), 0); // shown: toast, desktop, sound
    policy.decide(alertRequest("a1", Severity::Critical), 0); // duplicate
    policy.decide(alertRequest("a9", Severity::Critical), 0); // silenced
    policy.decide(signupRequest("e1"), 0);                    // shown: toast
    policy.decide(signupRequest("e2"), 0);                    // rate limited
    settings.muted = true;
    policy.setSettings(settings);
    policy.decide(alertRequest("a2", Severity::Warning), 0); // muted
    settings.doNotDisturb = true;
    policy.setSettings(settings);
    policy.decide(paymentRequest("p1"), 0); // do not disturb

    NotificationPolicy::Counts expected;
    expected.requested = 7;
    expected.shown = 2;
    expected.silenced = 1;
    expected.duplicate = 1;
    expected.doNotDisturb = 1;
    expected.muted = 1;
    expected.rateLimited = 1;
    expected.toasts = 2;
    expected.desktop = 1;
    expected.sounds = 1;
    EXPECT_EQ(policy.counts(), expected);
}
