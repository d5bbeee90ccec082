#pragma once

#include "feed/ConnectionStatus.h"
#include "widgets/Theme.h"

#include <QFrame>

class QLabel;

namespace vantage {

// The full-width strip that keeps a screen from passing old numbers off as live: once the newest
// data is older than the threshold (or nothing has arrived for that long) it says how old the
// data is and what the connection is doing, until fresh data arrives. The tiles and cards grey
// out on their own, sooner (ConnectionBadgeText::staleAfterMs).
class StaleBanner final : public QFrame
{
    Q_OBJECT
public:
    static constexpr qint64 defaultThresholdMs = 30'000;

    explicit StaleBanner(QWidget *parent = nullptr);

    void setThresholdMs(qint64 thresholdMs);
    qint64 thresholdMs() const { return m_thresholdMs; }
    // dataAgeMs: -1 while nothing has arrived. Shows or hides the banner and sets its words.
    void setStatus(const ConnectionStatus &status, qint64 nowMs, qint64 dataAgeMs);
    void setTheme(const Theme &theme);
    QString text() const;

private:
    void applyColors();

    QLabel *m_label;
    qint64 m_thresholdMs = defaultThresholdMs;
    qint64 m_waitingSinceMs = -1; // when a status without any data was first seen
    bool m_severe = false;        // stale for ten thresholds: drawn in the critical colour
    Theme m_theme = Theme::dark();
};

} // namespace vantage
