#include "models/NotificationPolicy.h"

#include "models/AlertRule.h"
#include "models/EventTypes.h"
#include "models/PlainText.h"

using namespace Qt::StringLiterals;

namespace vantage {

namespace {

using Kind = NotificationRequest::Kind;

bool isCriticalAlert(const NotificationRequest &request)
{
    return request.kind == Kind::Alert && request.severity == Severity::Critical;
}

// "signup:<event id>"; shapes that carry no event id fall back to the event's time and user.
QString eventKey(QLatin1String prefix, const FeedItem &item)
{
    const LiveEvent &e = item.event;
    if (e.id.isEmpty())
        return prefix + u':' + QString::number(item.tsMs) + u'/' + e.userId;
    return prefix + u':' + e.id;
}

void dropUpTo(std::deque<qint64> &times, qint64 cutoffMs)
{
    while (!times.empty() && times.front() <= cutoffMs)
        times.pop_front();
}

QString alertTitle(Severity severity)
{
    switch (severity) {
    case Severity::Info: return u"Info alert"_s;
    case Severity::Warning: return u"Warning alert"_s;
    case Severity::Error: return u"Error alert"_s;
    case Severity::Critical: return u"Critical alert"_s;
    }
    return u"Alert"_s;
}

QString affectedUsersText(int users)
{
    if (users == 1)
        return u"1 user affected"_s;
    return AlertRule::formatNumber(users) + u" users affected"_s;
}

} // namespace

NotificationPolicy::NotificationPolicy(const Settings &settings)
    : m_settings(settings)
{}

void NotificationPolicy::setSettings(const Settings &settings)
{
    m_settings = settings;
}

void NotificationPolicy::silence(const QString &alertId, qint64 untilMs)
{
    m_silencedUntil.insert(alertId, untilMs);
}

NotificationPolicy::Decision NotificationPolicy::decide(const NotificationRequest &request, qint64 nowMs)
{
    forgetOlderThan(nowMs);
    Decision decision;
    Channels channels;
    decision.outcome = outcomeFor(request, nowMs, channels);
    if (decision.outcome == Outcome::Show) {
        decision.channels = channels;
        m_shownAtByKey.insert(request.key, nowMs);
        m_shownKeys.emplace_back(nowMs, request.key);
        (isCriticalAlert(request) ? m_recentCritical : m_recentShown).push_back(nowMs);
    }
    count(decision.outcome, decision.channels);
    return decision;
}

NotificationPolicy::Channels NotificationPolicy::channelsFor(const NotificationRequest &request)
{
    if (request.kind != Kind::Alert)
        return {true, false, true};
    if (request.severity == Severity::Critical)
        return {true, true, true};
    return {false, false, true};
}

std::vector<NotificationRequest> NotificationPolicy::requestsFor(const std::vector<FeedItem> &items,
                                                                 const MoneyFormat &formatMoney) const
{
    std::vector<NotificationRequest> requests;
    for (const FeedItem &item : items) {
        const LiveEvent &e = item.event;
        NotificationRequest request;
        if (e.type == EventType::signup) {
            request.kind = Kind::Signup;
            request.key = eventKey(EventType::signup, item);
            request.title =
                u"New "_s + (e.role.isEmpty() ? u"user"_s : singleLine(e.role)) + u" signed up!"_s;
        } else if (e.type == EventType::payment && e.value > m_settings.paymentThreshold) {
            // An absent value is NaN, which is never above the threshold.
            request.kind = Kind::Payment;
            request.key = eventKey(EventType::payment, item);
            request.title = u"New payment: "_s + formatMoney(e.value, e.currency);
        } else {
            continue;
        }
        request.severity = Severity::Info;
        request.body = singleLine(e.userName);
        request.tsMs = item.tsMs;
        requests.push_back(std::move(request));
    }
    return requests;
}

std::vector<NotificationRequest> NotificationPolicy::requestsFor(const std::vector<AlertInfo> &newlyRaised,
                                                                 qint64 tsMs)
{
    std::vector<NotificationRequest> requests;
    for (const AlertInfo &alert : newlyRaised) {
        if (alert.severity == Severity::Info)
            continue;
        NotificationRequest request;
        request.kind = Kind::Alert;
        request.key = u"alert:"_s + alert.id + u':' + severityName(alert.severity);
        request.severity = alert.severity;
        request.title = alertTitle(alert.severity);
        request.body = alert.message;
        if (alert.affectedUsers > 0)
            request.body += u'\n' + affectedUsersText(alert.affectedUsers);
        request.alertId = alert.id;
        request.tsMs = tsMs;
        requests.push_back(std::move(request));
    }
    return requests;
}

NotificationPolicy::Outcome NotificationPolicy::outcomeFor(const NotificationRequest &request, qint64 nowMs,
                                                           Channels &channels)
{
    if (!request.alertId.isEmpty() && isSilenced(request.alertId, nowMs))
        return Outcome::Silenced;
    if (m_shownAtByKey.contains(request.key))
        return Outcome::Duplicate;
    channels = channelsFor(request);
    const bool critical = isCriticalAlert(request);
    if (m_settings.doNotDisturb) {
        // A critical alert is what the operator is there for: it still shows in the window,
        // but neither sounds nor pops up over other applications.
        if (!critical)
            return Outcome::DoNotDisturb;
        channels.desktop = false;
        channels.sound = false;
    }
    if (m_settings.muted || !m_settings.soundFor(request.severity))
        channels.sound = false;
    if (!channels.any())
        return Outcome::Muted;
    const RateLimit &limit = critical ? m_settings.criticalRateLimit : m_settings.rateLimit;
    const std::deque<qint64> &recent = critical ? m_recentCritical : m_recentShown;
    if (qint64(recent.size()) >= limit.maxShown)
        return Outcome::RateLimited;
    return Outcome::Show;
}

bool NotificationPolicy::isSilenced(const QString &alertId, qint64 nowMs)
{
    const auto it = m_silencedUntil.find(alertId);
    if (it == m_silencedUntil.end())
        return false;
    if (nowMs < *it)
        return true;
    m_silencedUntil.erase(it);
    return false;
}

void NotificationPolicy::forgetOlderThan(qint64 nowMs)
{
    const qint64 dedupCutoffMs = nowMs - m_settings.dedupWindowMs;
    while (!m_shownKeys.empty() && m_shownKeys.front().first <= dedupCutoffMs) {
        const auto &[shownMs, key] = m_shownKeys.front();
        if (m_shownAtByKey.value(key) == shownMs)
            m_shownAtByKey.remove(key);
        m_shownKeys.pop_front();
    }
    dropUpTo(m_recentShown, nowMs - m_settings.rateLimit.windowMs);
    dropUpTo(m_recentCritical, nowMs - m_settings.criticalRateLimit.windowMs);
}

void NotificationPolicy::count(Outcome outcome, const Channels &channels)
{
    m_counts.requested += 1;
    switch (outcome) {
    case Outcome::Show:
        m_counts.shown += 1;
        m_counts.toasts += channels.toast ? 1 : 0;
        m_counts.desktop += channels.desktop ? 1 : 0;
        m_counts.sounds += channels.sound ? 1 : 0;
        break;
    case Outcome::Silenced: m_counts.silenced += 1; break;
    case Outcome::Duplicate: m_counts.duplicate += 1; break;
    case Outcome::DoNotDisturb: m_counts.doNotDisturb += 1; break;
    case Outcome::Muted: m_counts.muted += 1; break;
    case Outcome::RateLimited: m_counts.rateLimited += 1; break;
    }
}

} // namespace vantage
