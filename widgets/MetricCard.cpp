#include "widgets/MetricCard.h"

#include "widgets/CardPainter.h"
#include "widgets/Sparkline.h"
#include "widgets/ValueFormat.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
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

void MetricCard::setStaleAge(qint64 ageMs)
{
    m_staleAgeMs = ageMs < 0 ? -1 : ageMs;
    update();
}

QString MetricCard::staleText() const
{
    return isStale() ? CardPainter::staleText(m_staleAgeMs) : QString();
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
    if (isStale())
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
    const int height = 2 * CardPainter::padding + caption.height() + CardPainter::captionGap + value.height()
                       + 6 + sparklineHeight;
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
    const double y = CardPainter::drawCaption(painter, content, font(), m_title, m_theme);

    const QFont valueFont = CardPainter::valueFont(font(), valuePixelSize);
    const QRectF valueLine(content.left(), y, content.width(), QFontMetrics(valueFont).height());

    // Status label as a tinted pill at the right of the value line, where it has room.
    const QFont labelFont = CardPainter::captionFont(font());
    const QFontMetrics labelMetrics(labelFont);
    const QString label = levelText();
    const double pillWidth = labelMetrics.horizontalAdvance(label) + 12;
    const double pillHeight = labelMetrics.height() + 4;
    const QRectF pill(valueLine.right() - pillWidth, valueLine.center().y() - pillHeight / 2, pillWidth, pillHeight);
    QColor tint = color;
    tint.setAlphaF(0.16);
    painter.setPen(Qt::NoPen);
    painter.setBrush(tint);
    painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter.setFont(labelFont);
    painter.setPen(color);
    painter.drawText(pill, Qt::AlignCenter | Qt::TextSingleLine, label);

    CardPainter::drawValue(painter, valueLine.adjusted(0, 0, -(pillWidth + 6), 0), font(), valuePixelSize,
                           valueText(), isStale() ? m_theme.textMuted : m_theme.text);

    // While stale, the age of the value goes under it, and the sparkline keeps the rest.
    QRectF sparkRect(content.left(), content.bottom() - sparklineHeight, content.width(), sparklineHeight);
    if (isStale()) {
        const QFont detailFont = CardPainter::detailFont(font());
        const QRectF ageLine(content.left(), valueLine.bottom(), content.width(),
                             QFontMetrics(detailFont).height());
        CardPainter::drawLine(painter, ageLine, detailFont, m_theme.textMuted, staleText());
        sparkRect.setTop(std::max(sparkRect.top(), ageLine.bottom() + 2));
    }
    const QColor lineColor = level() == HealthLevel::Ok && !isStale() ? m_theme.accent : color;
    // Health gauges are non-negative quantities: drawn from zero, a 5 % wobble looks like one.
    Sparkline::paint(painter, sparkRect, m_history, lineColor, true);
}

} // namespace vantage
