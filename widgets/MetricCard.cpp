#include "widgets/MetricCard.h"

#include "widgets/CardPainter.h"
#include "widgets/Sparkline.h"
#include "widgets/ValueFormat.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace vantage {

namespace {
constexpr int valuePixelSize = 24;
constexpr int sparklineHeight = 26;
constexpr double bandWidth = 4.0;
} // namespace

MetricCard::MetricCard(const QString &title, const QString &unit, std::optional<HealthThresholds> thresholds,
                       QWidget *parent)
    : QWidget(parent), m_title(title), m_unit(unit), m_thresholds(thresholds), m_value(qQNaN())
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void MetricCard::setValue(double value)
{
    m_value = value;
    update();
}

void MetricCard::setDecimals(int decimals)
{
    m_decimals = decimals;
    update();
}

void MetricCard::setHistory(std::vector<double> recent)
{
    m_history = std::move(recent);
    update();
}

void MetricCard::setStale(bool stale)
{
    m_stale = stale;
    update();
}

void MetricCard::setTheme(const Theme &theme)
{
    m_theme = theme;
    update();
}

QString MetricCard::valueText() const
{
    const QString number = ValueFormat::count(m_value, m_decimals);
    if (!std::isfinite(m_value) || m_unit.isEmpty())
        return number;
    // "%" hugs the number; words and symbols like "ms" or "/s" get a thin space.
    if (m_unit == QLatin1String("%"))
        return number + m_unit;
    return number + QChar(0x2009) + m_unit;
}

HealthLevel MetricCard::level() const
{
    if (!std::isfinite(m_value))
        return HealthLevel::Unknown;
    return m_thresholds ? m_thresholds->levelFor(m_value) : HealthLevel::Ok;
}

QColor MetricCard::levelColor() const
{
    if (m_stale)
        return m_theme.textMuted;
    switch (level()) {
    case HealthLevel::Ok: return m_theme.good;
    case HealthLevel::Warning: return m_theme.warning;
    case HealthLevel::Critical: return m_theme.critical;
    case HealthLevel::Unknown: break;
    }
    return m_theme.textMuted;
}

QSize MetricCard::sizeHint() const
{
    return {180, minimumSizeHint().height()};
}

QSize MetricCard::minimumSizeHint() const
{
    const QFontMetrics caption(CardPainter::captionFont(font()));
    const QFontMetrics value(CardPainter::valueFont(font(), valuePixelSize));
    const int height = 2 * CardPainter::padding + caption.height() + 4 + value.height() + 6 + sparklineHeight;
    return {140, height};
}

void MetricCard::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF bounds = QRectF(rect());
    CardPainter::background(painter, bounds, m_theme);
    const QColor color = levelColor();

    // The status band along the left edge, clipped to the card's rounded corners.
    {
        painter.save();
        QPainterPath clip;
        clip.addRoundedRect(bounds.adjusted(0.5, 0.5, -0.5, -0.5), CardPainter::radius, CardPainter::radius);
        painter.setClipPath(clip);
        painter.fillRect(QRectF(bounds.left(), bounds.top(), bandWidth, bounds.height()), color);
        painter.restore();
    }

    const QRectF content = bounds.adjusted(CardPainter::padding + bandWidth, CardPainter::padding - 2,
                                           -CardPainter::padding, -CardPainter::padding + 4);
    double y = content.top();

    const QFont captionFont = CardPainter::captionFont(font());
    const QFontMetrics captionMetrics(captionFont);
    painter.setFont(captionFont);
    painter.setPen(m_theme.textMuted);
    painter.drawText(QRectF(content.left(), y, content.width(), captionMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                     captionMetrics.elidedText(m_title, Qt::ElideRight, int(content.width())));
    y += captionMetrics.height() + 4;

    const QFont valueFont = CardPainter::valueFont(font(), valuePixelSize);
    const QFontMetrics valueMetrics(valueFont);
    const QRectF valueLine(content.left(), y, content.width(), valueMetrics.height());

    // Status label as a tinted pill at the right of the value line, where it has room.
    const QString label = levelText();
    const double pillWidth = captionMetrics.horizontalAdvance(label) + 12;
    const double pillHeight = captionMetrics.height() + 4;
    const QRectF pill(valueLine.right() - pillWidth, valueLine.center().y() - pillHeight / 2, pillWidth, pillHeight);
    QColor tint = color;
    tint.setAlphaF(0.16);
    painter.setPen(Qt::NoPen);
    painter.setBrush(tint);
    painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter.setPen(color);
    painter.drawText(pill, Qt::AlignCenter | Qt::TextSingleLine, label);

    const double valueWidth = valueLine.width() - pillWidth - 6;
    painter.setFont(valueFont);
    painter.setPen(m_stale ? m_theme.textMuted : m_theme.text);
    painter.drawText(QRectF(valueLine.left(), valueLine.top(), valueWidth, valueLine.height()),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                     valueMetrics.elidedText(valueText(), Qt::ElideRight, int(valueWidth)));

    const QRectF sparkRect(content.left(), content.bottom() - sparklineHeight, content.width(), sparklineHeight);
    const QColor lineColor = level() == HealthLevel::Ok && !m_stale ? m_theme.accent : color;
    Sparkline::paint(painter, sparkRect, m_history, lineColor, false);
}

} // namespace vantage
