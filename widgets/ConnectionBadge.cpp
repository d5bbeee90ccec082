#include "widgets/ConnectionBadge.h"

#include "widgets/ConnectionBadgeText.h"
#include "widgets/TextOverflow.h"
#include "widgets/TypeScale.h"

#include <QPainter>
#include <QTextDocument> // Qt::convertFromPlainText

namespace vantage {

namespace {
constexpr int dotSize = 8;
constexpr int horizontalPadding = 12;
// Between the dot and the text.
constexpr int dotGap = 8;

QFont badgeFont(const QFont &base)
{
    QFont font = base;
    font.setPixelSize(TypeScale::px(base, 12));
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
    const QFont &base = font();
    const QFontMetrics metrics(badgeFont(base));
    return {TypeScale::px(base, horizontalPadding) * 2 + TypeScale::px(base, dotSize) + TypeScale::px(base, dotGap)
                + metrics.horizontalAdvance(m_text),
            metrics.height() + TypeScale::px(base, 12)};
}

void ConnectionBadge::paintEvent(QPaintEvent *)
{
    TextOverflow overflow(this);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF bounds = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const QColor dot = dotColor();
    QColor fill = dot;
    fill.setAlphaF(0.12);
    painter.setPen(QPen(m_theme.border, 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(bounds, bounds.height() / 2, bounds.height() / 2);

    const QFont &base = this->font();
    const int padding = TypeScale::px(base, horizontalPadding);
    const int dotPx = TypeScale::px(base, dotSize);
    const QPointF dotCentre(bounds.left() + padding + dotPx / 2.0, bounds.center().y());
    const double haloReach = TypeScale::pxF(base, 2.5);
    QColor halo = dot;
    halo.setAlphaF(0.3);
    painter.setPen(Qt::NoPen);
    painter.setBrush(halo);
    painter.drawEllipse(dotCentre, dotPx / 2.0 + haloReach, dotPx / 2.0 + haloReach);
    painter.setBrush(dot);
    painter.drawEllipse(dotCentre, dotPx / 2.0, dotPx / 2.0);

    const QFont font = badgeFont(base);
    const QFontMetrics metrics(font);
    const QRectF textRect =
        bounds.adjusted(padding + dotPx + TypeScale::px(base, dotGap), 0, -padding + TypeScale::px(base, 2), 0);
    const QString shown = metrics.elidedText(m_text, Qt::ElideRight, int(textRect.width()));
    if (shown != m_text || (!m_text.isEmpty() && metrics.height() > textRect.height()))
        overflow.report(m_text);
    painter.setFont(font);
    painter.setPen(m_theme.text);
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shown);
}

} // namespace vantage
