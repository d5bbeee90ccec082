#pragma once

#include "feed/ConnectionStatus.h"
#include "widgets/Theme.h"

#include <QWidget>

namespace vantage {

// The connection state as a pill: a coloured dot and ConnectionBadgeText's words.
class ConnectionBadge final : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBadge(QWidget *parent = nullptr);

    // dataAgeMs: -1 when nothing has arrived yet.
    void setStatus(const ConnectionStatus &status, qint64 nowMs, qint64 dataAgeMs);
    void setTheme(const Theme &theme);

    QString text() const { return m_text; }
    const ConnectionStatus &status() const { return m_status; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor dotColor() const;

    ConnectionStatus m_status;
    QString m_text;
    bool m_stale = false;
    Theme m_theme = Theme::dark();
};

} // namespace vantage
