#include "widgets/MetricCard.h"

#include "widgets/CardPainter.h"
#include "widgets/TextOverflow.h"
#include "widgets/TypeScale.h"
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
    // Batches come at frame rate and samples about once a second: most refreshes change nothing.
    if (value == m_value || (qIsNaN(value) && qIsNaN(m_value)))
        return;
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
    if (recent == m_history)
        return;
    m_history = std::move(recent);
    update();
}

void MetricCard::setStaleAge(qint64 ageMs)
{
    // The age shows only once the card is stale, to the second.
    const QString shown = staleText();
    m_staleAgeMs = ageMs < 0 ? -1 : ageMs;
    if (staleText() != shown)
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
    return {TypeScale::px(font(), 180), minimumSizeHint().height()};
}

QSize MetricCard::minimumSizeHint() const
{
    const QFont &base = font();
    const QFontMetrics caption(CardPainter::captionFont(base));
    const QFontMetrics value(CardPainter::valueFont(base, valuePixelSize));
    const int height = 2 * TypeScale::px(base, CardPainter::padding) + caption.height()
                       + TypeScale::px(base, CardPainter::captionGap) + value.height() + TypeScale::px(base, 6)
                       + TypeScale::px(base, sparklineHeight);
    return {TypeScale::px(base, 140), height};
}

void MetricCard::paintEvent(QPaintEvent *)
{
    TextOverflow overflow(this);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF bounds = QRectF(rect());
    CardPainter::background(painter, bounds, m_theme);
    const QColor color = levelColor();
    const QFont &base = font();
    const double band = TypeScale::pxF(base, bandWidth);

    // The status band along the left edge, clipped to the card's rounded corners.
    {
        painter.save();
        QPainterPath clip;
        clip.addRoundedRect(bounds.adjusted(0.5, 0.5, -0.5, -0.5), CardPainter::radius, CardPainter::radius);
        painter.setClipPath(clip);
        painter.fillRect(QRectF(bounds.left(), bounds.top(), band, bounds.height()), color);
        painter.restore();
    }

    const int padding = TypeScale::px(base, CardPainter::padding);
    const QRectF content = bounds.adjusted(padding + band, padding - TypeScale::px(base, 2), -padding,
                                           -padding + TypeScale::px(base, 4));
    const double y = CardPainter::drawCaption(painter, content, base, m_title, m_theme, &overflow);

    const QFont valueFont = CardPainter::valueFont(base, valuePixelSize);
    const QRectF valueLine(content.left(), y, content.width(), QFontMetrics(valueFont).height());
    if (valueLine.bottom() > content.bottom())
        overflow.report(valueText());

    // Status label as a tinted pill at the right of the value line, where it has room.
    const QFont labelFont = CardPainter::captionFont(base);
    const QFontMetrics labelMetrics(labelFont);
    const QString label = levelText();
    const double pillWidth = labelMetrics.horizontalAdvance(label) + TypeScale::px(base, 12);
    const double pillHeight = labelMetrics.height() + TypeScale::px(base, 4);
    const QRectF pill(valueLine.right() - pillWidth, valueLine.center().y() - pillHeight / 2, pillWidth, pillHeight);
    if (pillWidth > content.width())
        overflow.report(label);
    QColor tint = color;
    tint.setAlphaF(0.16);
    painter.setPen(Qt::NoPen);
    painter.setBrush(tint);
    painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter.setFont(labelFont);
    painter.setPen(color);
    painter.drawText(pill, Qt::AlignCenter | Qt::TextSingleLine, label);

    CardPainter::drawValue(painter, valueLine.adjusted(0, 0, -(pillWidth + TypeScale::px(base, 6)), 0), base,
                           valuePixelSize, valueText(), isStale() ? m_theme.textMuted : m_theme.text, &overflow);

    // While stale, the age of the value goes under it, and the sparkline keeps the rest.
    const int sparkHeight = TypeScale::px(base, sparklineHeight);
    QRectF sparkRect(content.left(), content.bottom() - sparkHeight, content.width(), sparkHeight);
    if (isStale()) {
        const QFont detailFont = CardPainter::detailFont(base);
        const QRectF ageLine(content.left(), valueLine.bottom(), content.width(),
                             QFontMetrics(detailFont).height());
        if (ageLine.bottom() > content.bottom())
            overflow.report(staleText());
        CardPainter::drawLine(painter, ageLine, detailFont, m_theme.textMuted, staleText(), &overflow);
        sparkRect.setTop(std::max(sparkRect.top(), ageLine.bottom() + TypeScale::px(base, 2)));
    }
    const QColor lineColor = level() == HealthLevel::Ok && !isStale() ? m_theme.accent : color;
    // Health gauges are non-negative quantities: drawn from zero, a 5 % wobble looks like one.
    m_sparkline.paint(painter, sparkRect, m_history, lineColor, true, TypeScale::of(base));
}

} // namespace vantage
