#pragma once

#include "feed/Clock.h"
#include "models/NotificationRequest.h"
#include "widgets/Theme.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QFrame;
class QTimer;

namespace vantage {

// In-window toasts over the parent's bottom-right corner (docs/notifications.md): the newest
// at the bottom, older ones pushed up, the oldest dropped beyond maxToasts, each gone after
// durationMs or when clicked. A child widget that never takes focus, and the mouse passes
// through everywhere but the toasts themselves. Text is shown as plain text.
class ToastStack final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int defaultMaxToasts = 4;
    static constexpr qint64 defaultDurationMs = 8'000;

    // Follows the parent's resizes. `now` stamps each toast; a timer calls expire(now()).
    explicit ToastStack(QWidget *parent, NowFn now = systemNowMs);

    void setTheme(const Theme &theme);
    // At least 1; drops the oldest toasts beyond it.
    void setMaxToasts(int count);
    int maxToasts() const { return m_maxToasts; }
    void setDurationMs(qint64 ms);
    qint64 durationMs() const { return m_durationMs; }

    void push(const NotificationRequest &request);
    // Drops every toast shown durationMs or longer before nowMs.
    void expire(qint64 nowMs);
    void clear();

    int count() const { return int(m_toasts.size()); }
    QStringList titles() const;        // top (oldest) to bottom (newest)
    QWidget *toastAt(int index) const; // 0 is the top (oldest)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Toast
    {
        QFrame *frame = nullptr;
        QString title;
        NotificationRequest::Kind kind = NotificationRequest::Kind::Alert;
        Severity severity = Severity::Info;
        qint64 shownMs = 0;
    };

    QFrame *makeFrame(const NotificationRequest &request);
    void applyTheme(const Toast &toast) const;
    void removeAt(int index);
    void relayout();

    NowFn m_now;
    Theme m_theme = Theme::dark();
    std::vector<Toast> m_toasts; // oldest first
    QTimer *m_expiryTimer;
    int m_maxToasts = defaultMaxToasts;
    qint64 m_durationMs = defaultDurationMs;
};

} // namespace vantage
