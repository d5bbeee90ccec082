#include "widgets/ConnectionBadge.h"

#include "widgets/ConnectionBadgeText.h"

#include <QPainter>
#include <QTextDocument> // Qt::convertFromPlainText

namespace vantage {

namespace {
constexpr int dotSize = 8;
constexpr int horizontalPadding = 12;

QFont badgeFont(const QFont &base)
{
    QFont font = base;
    font.setPixelSize(12);
    font.setWeight(QFont::DemiBold);
    return font;
}
} // namespace

ConnectionBadge::ConnectionBadge(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setStatus(m_status, 0, -1);
}

void ConnectionBadge::setStatus(const ConnectionStatus &status, qint64 nowMs, qint64 dataAgeMs)
{
    m_status = status;
    m_stale = dataAgeMs > ConnectionBadgeText::staleAfterMs;
    const QString text = ConnectionBadgeText::text(status, nowMs, dataAgeMs);
    QString tip = tr("Transport: %1").arg(status.transport.isEmpty() ? tr("none") : status.transport);
    if (!status.reason.isEmpty())
        tip += QLatin1Char('\n') + tr("Last failure: %1").arg(status.reason);
    setToolTip(Qt::convertFromPlainText(tip));
    if (text != m_text) {
        m_text = text;
        updateGeometry();
    }
    update();
}

void ConnectionBadge::setTheme(const Theme &theme)
{
    m_theme = theme;
    update();
}

QColor ConnectionBadge::dotColor() const
{
    switch (m_status.state) {
    case ConnectionState::Live: return m_stale ? m_theme.warning : m_theme.good;
    case ConnectionState::Connecting:
    case ConnectionState::Reconnecting: return m_theme.warning;
    case ConnectionState::Offline:
    case ConnectionState::Error: return m_theme.critical;
    case ConnectionState::Idle:
    case ConnectionState::Finished: break;
    }
    return m_theme.textMuted;
}

QSize ConnectionBadge::sizeHint() const
{
    const QFontMetrics metrics(badgeFont(font()));
    return {horizontalPadding * 2 + dotSize + 8 + metrics.horizontalAdvance(m_text), metrics.height() + 12};
}

void ConnectionBadge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF bounds = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const QColor dot = dotColor();
    QColor fill = dot;
    fill.setAlphaF(0.12);
    painter.setPen(QPen(m_theme.border, 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(bounds, bounds.height() / 2, bounds.height() / 2);

    const QPointF dotCentre(bounds.left() + horizontalPadding + dotSize / 2.0, bounds.center().y());
    QColor halo = dot;
    halo.setAlphaF(0.3);
    painter.setPen(Qt::NoPen);
    painter.setBrush(halo);
    painter.drawEllipse(dotCentre, dotSize / 2.0 + 2.5, dotSize / 2.0 + 2.5);
    painter.setBrush(dot);
    painter.drawEllipse(dotCentre, dotSize / 2.0, dotSize / 2.0);

    const QFont font = badgeFont(this->font());
    painter.setFont(font);
    painter.setPen(m_theme.text);
    const QRectF textRect = bounds.adjusted(horizontalPadding + dotSize + 8, 0, -horizontalPadding + 2, 0);
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                     QFontMetrics(font).elidedText(m_text, Qt::ElideRight, int(textRect.width())));
}

} // namespace vantage
