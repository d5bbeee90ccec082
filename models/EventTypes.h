#pragma once

#include <QString>
#include <QStringView>

namespace vantage {

// The event types the dashboard counts and names. Any other type is shown as it comes and
// falls under "Other" in the feed's type filter.
namespace EventType {
inline constexpr QLatin1String signup{"signup"};
inline constexpr QLatin1String payment{"payment"};
inline constexpr QLatin1String formSubmission{"form_submission"};
inline constexpr QLatin1String invitation{"invitation"};
} // namespace EventType

inline bool isCanonicalEventType(QStringView type)
{
    return type == EventType::signup || type == EventType::payment || type == EventType::formSubmission
           || type == EventType::invitation;
}

} // namespace vantage
