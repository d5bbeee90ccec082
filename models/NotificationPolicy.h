#pragma once

#include "feed/Message.h"
#include "models/FeedItem.h"
#include "models/NotificationRequest.h"

#include <QHash>
#include <QString>

#include <array>
#include <deque>
#include <functional>
#include <utility>
#include <vector>

namespace vantage {

// Decides which notification requests reach the operator and through which channels
// (docs/notifications.md). Time is only what the caller passes in, so tests drive it.
// Memory stays bounded: only keys shown within the dedup window and the times within the
// rate windows are kept, and the rate limits bound how many those are.
class NotificationPolicy
{
public:
    enum class Outcome {
        Show,
        Silenced,     // the operator silenced this alert ("Silence 1 h")
        Duplicate,    // the same key was shown within the dedup window
        DoNotDisturb, // held back by "do not disturb"; critical alerts still show in-window
        Muted,        // it would only have made a sound, and sounds are off (mute or that severity's setting)
        RateLimited,  // its budget was spent within the sliding window
    };

    struct Channels
    {
        bool toast = false;   // in-window, never takes focus
        bool desktop = false; // org.freedesktop.Notifications, or the tray
        bool sound = false;

        bool any() const { return toast || desktop || sound; }
        friend bool operator==(const Channels &, const Channels &) = default;
    };

    struct Decision
    {
        Outcome outcome = Outcome::Show;
        Channels channels; // all false unless outcome is Show
    };

    // At most maxShown requests shown in any windowMs.
    struct RateLimit
    {
        int maxShown = 5;
        qint64 windowMs = 30'000;

        friend bool operator==(const RateLimit &, const RateLimit &) = default;
    };

    struct Settings
    {
        double paymentThreshold = 100.0; // a payment notifies when its value is above this, in any currency
        // Indexed by Severity. Signups and payments are Info, so they are silent by default.
        std::array<bool, 4> soundBySeverity{false, true, true, true};
        bool doNotDisturb = false;
        bool muted = false;             // sounds off; toasts and desktop notifications go on
        qint64 dedupWindowMs = 600'000; // 10 min
        RateLimit rateLimit;            // everything but critical alerts
        RateLimit criticalRateLimit; // critical alerts have their own, so a burst of payments cannot hide one

        bool soundFor(Severity severity) const { return soundBySeverity[size_t(severity)]; }
        friend bool operator==(const Settings &, const Settings &) = default;
    };

    // How many requests came and what became of them; the channel counts are over the shown ones.
    struct Counts
    {
        qint64 requested = 0;
        qint64 shown = 0;
        qint64 silenced = 0;
        qint64 duplicate = 0;
        qint64 doNotDisturb = 0;
        qint64 muted = 0;
        qint64 rateLimited = 0;
        qint64 toasts = 0;
        qint64 desktop = 0;
        qint64 sounds = 0;

        friend bool operator==(const Counts &, const Counts &) = default;
    };

    // Formats an amount for a payment's title ("£250.50"); models cannot reach the widgets'
    // ValueFormat, so the UI passes ValueFormat::currency.
    using MoneyFormat = std::function<QString(double value, const QString &currencyCode)>;

    NotificationPolicy() = default;
    explicit NotificationPolicy(const Settings &settings);

    // Keeps the dedup and rate history: changing a limit does not make old requests new.
    void setSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }

    // No notification for this alert, whatever its severity, before untilMs.
    void silence(const QString &alertId, qint64 untilMs);

    // Decides at nowMs and counts the outcome. Only a shown request enters the dedup and rate history.
    Decision decide(const NotificationRequest &request, qint64 nowMs);
    const Counts &counts() const { return m_counts; }

    // The channels a request uses before do-not-disturb and sound settings: critical alerts use
    // all three, other alerts only sound, signups and payments a toast and sound.
    static Channels channelsFor(const NotificationRequest &request);

    // Seed 000's toasts: every signup, and payments whose value is above the threshold.
    std::vector<NotificationRequest> requestsFor(const std::vector<FeedItem> &items,
                                                 const MoneyFormat &formatMoney) const;
    // Critical alerts (toast, desktop, sound); warning and error alerts (sound only); info alerts make none.
    static std::vector<NotificationRequest> requestsFor(const std::vector<AlertInfo> &newlyRaised,
                                                        qint64 tsMs);

private:
    Outcome outcomeFor(const NotificationRequest &request, qint64 nowMs, Channels &channels);
    bool isSilenced(const QString &alertId, qint64 nowMs);
    void forgetOlderThan(qint64 nowMs);
    void count(Outcome outcome, const Channels &channels);

    Settings m_settings;
    Counts m_counts;
    QHash<QString, qint64> m_shownAtByKey;
    std::deque<std::pair<qint64, QString>> m_shownKeys; // oldest first, for forgetting
    std::deque<qint64> m_recentShown;                   // times within rateLimit's window
    std::deque<qint64> m_recentCritical;                // times within criticalRateLimit's window
    QHash<QString, qint64> m_silencedUntil;
};

} // namespace vantage
