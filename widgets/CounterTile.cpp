#include "widgets/CounterTile.h"

#include "widgets/CardPainter.h"
#include "widgets/TextOverflow.h"
#include "widgets/TypeScale.h"
#include "widgets/ValueFormat.h"

#include <QPainter>

#include <cmath>

namespace vantage {

namespace {
constexpr int valuePixelSize = 28;
constexpr int sparklineHeight = 30;
} // namespace

CounterTile::CounterTile(const QString &title, QWidget *parent)
    : QWidget(parent), m_title(title), m_value(qQNaN()), m_trendPercent(qQNaN())
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void CounterTile::setFormat(Format format)
{
    m_format = format;
    update();
}

void CounterTile::setCurrency(const QString &currencyCode)
{
    m_currency = currencyCode;
    update();
}

void CounterTile::setValue(double value)
{
    m_value = value;
    update();
}

void CounterTile::setTrendPercent(double percent)
{
    m_trendPercent = percent;
    update();
}

void CounterTile::setSubtitle(const QString &subtitle)
{
    m_subtitle = subtitle;
    update();
}

void CounterTile::setHistory(std::vector<double> perMinute)
{
    m_history = std::move(perMinute);
    update();
}

void CounterTile::setSparklineFromZero(bool fromZero)
{
    m_sparklineFromZero = fromZero;
    update();
}

void CounterTile::setStaleAge(qint64 ageMs)
{
    m_staleAgeMs = ageMs < 0 ? -1 : ageMs;
    update();
}

QString CounterTile::staleText() const
{
    return isStale() ? CardPainter::staleText(m_staleAgeMs) : QString();
}

void CounterTile::setTheme(const Theme &theme)
{
    m_theme = theme;
    update();
}

QString CounterTile::valueText() const
{
    return m_format == Format::Currency ? ValueFormat::currency(m_value, m_currency) : ValueFormat::count(m_value);
}

QString CounterTile::trendText() const
{
    return ValueFormat::trend(m_trendPercent);
}

QColor CounterTile::trendColor() const
{
    if (!std::isfinite(m_trendPercent) || trendText().front().isDigit())
        return m_theme.textMuted;
    // Every counter on the overview is business activity: more is good.
    return m_trendPercent > 0 ? m_theme.good : m_theme.critical;
}

QSize CounterTile::sizeHint() const
{
    return {TypeScale::px(font(), 200), minimumSizeHint().height()};
}

QSize CounterTile::minimumSizeHint() const
{
    const QFont &base = font();
    const QFontMetrics caption(CardPainter::captionFont(base));
    const QFontMetrics value(CardPainter::valueFont(base, valuePixelSize));
    const QFontMetrics detail(CardPainter::detailFont(base));
    const int height = 2 * TypeScale::px(base, CardPainter::padding) + caption.height()
                       + TypeScale::px(base, CardPainter::captionGap) + value.height() + detail.height() * 2
                       + TypeScale::px(base, 6) + TypeScale::px(base, sparklineHeight);
    return {TypeScale::px(base, 150), height};
}

void CounterTile::paintEvent(QPaintEvent *)
{
    TextOverflow overflow(this);
    QPainter painter(this);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF bounds = QRectF(rect());
    CardPainter::background(painter, bounds, m_theme);

    const QFont &base = font();
    const int padding = TypeScale::px(base, CardPainter::padding);
    const QRectF content = bounds.adjusted(padding, padding - TypeScale::px(base, 2), -padding,
                                           -padding + TypeScale::px(base, 4));
    // A line past the content's bottom (a tile squeezed under its minimum height) runs into the tile's edge.
    const auto drawLine = [&](const QRectF &line, const QFont &font, const QColor &color, const QString &text) {
        if (line.bottom() > content.bottom() && !text.isEmpty())
            overflow.report(text);
        CardPainter::drawLine(painter, line, font, color, text, &overflow);
    };
    double y = CardPainter::drawCaption(painter, content, base, m_title, m_theme, &overflow);

    const double valueHeight = QFontMetrics(CardPainter::valueFont(base, valuePixelSize)).height();
    const QRectF valueLine(content.left(), y, content.width(), valueHeight);
    if (valueLine.bottom() > content.bottom())
        overflow.report(valueText());
    CardPainter::drawValue(painter, valueLine, base, valuePixelSize, valueText(),
                           isStale() ? m_theme.textMuted : m_theme.text, &overflow);
    y += valueHeight;

    // While stale, the trend is as old as the numbers, so their age takes its place.
    const QFont detailFont = CardPainter::detailFont(base);
    const double detailHeight = QFontMetrics(detailFont).height();
    const QRectF detailLine(content.left(), y, content.width(), detailHeight);
    if (isStale())
        drawLine(detailLine, detailFont, m_theme.textMuted, staleText());
    else
        drawLine(detailLine, detailFont, trendColor(), trendText());
    y += detailHeight;
    if (!m_subtitle.isEmpty())
        drawLine(QRectF(content.left(), y, content.width(), detailHeight), detailFont, m_theme.textMuted,
                 m_subtitle);

    const int sparkHeight = TypeScale::px(base, sparklineHeight);
    const QRectF sparkRect(content.left(), content.bottom() - sparkHeight, content.width(), sparkHeight);
    m_sparkline.paint(painter, sparkRect, m_history, isStale() ? m_theme.textMuted : m_theme.accent,
                      m_sparklineFromZero, TypeScale::of(base));
}

} // namespace vantage
