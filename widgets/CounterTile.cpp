#include "widgets/CounterTile.h"

#include "widgets/CardPainter.h"
#include "widgets/Sparkline.h"
#include "widgets/ValueFormat.h"

#include <QPainter>

#include <cmath>

namespace vantage {

namespace {
constexpr int valuePixelSize = 28;
constexpr int minValuePixelSize = 16;
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

void CounterTile::setStale(bool stale)
{
    m_stale = stale;
    update();
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
    return {200, minimumSizeHint().height()};
}

QSize CounterTile::minimumSizeHint() const
{
    const QFontMetrics caption(CardPainter::captionFont(font()));
    const QFontMetrics value(CardPainter::valueFont(font(), valuePixelSize));
    const QFontMetrics detail(CardPainter::detailFont(font()));
    const int height = 2 * CardPainter::padding + caption.height() + 4 + value.height() + detail.height() * 2 + 6
                       + sparklineHeight;
    return {150, height};
}

void CounterTile::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF bounds = QRectF(rect());
    CardPainter::background(painter, bounds, m_theme);

    const QRectF content = bounds.adjusted(CardPainter::padding, CardPainter::padding - 2, -CardPainter::padding,
                                           -CardPainter::padding + 4);
    double y = content.top();

    const QFont captionFont = CardPainter::captionFont(font());
    const QFontMetrics captionMetrics(captionFont);
    painter.setFont(captionFont);
    painter.setPen(m_theme.textMuted);
    painter.drawText(QRectF(content.left(), y, content.width(), captionMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                     captionMetrics.elidedText(m_title, Qt::ElideRight, int(content.width())));
    y += captionMetrics.height() + 4;

    // A long value shrinks rather than losing digits to an ellipsis; the line keeps its height.
    const QString value = valueText();
    QFont valueFont = CardPainter::valueFont(font(), valuePixelSize);
    for (int size = valuePixelSize; size > minValuePixelSize; --size) {
        valueFont.setPixelSize(size);
        if (QFontMetrics(valueFont).horizontalAdvance(value) <= content.width())
            break;
    }
    const QFontMetrics valueMetrics(CardPainter::valueFont(font(), valuePixelSize));
    painter.setFont(valueFont);
    painter.setPen(m_stale ? m_theme.textMuted : m_theme.text);
    painter.drawText(QRectF(content.left(), y, content.width(), valueMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                     QFontMetrics(valueFont).elidedText(value, Qt::ElideRight, int(content.width())));
    y += valueMetrics.height();

    const QFont detailFont = CardPainter::detailFont(font());
    const QFontMetrics detailMetrics(detailFont);
    painter.setFont(detailFont);
    const QRectF detailLine(content.left(), y, content.width(), detailMetrics.height());
    painter.setPen(m_stale ? m_theme.textMuted : trendColor());
    painter.drawText(detailLine, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                     detailMetrics.elidedText(trendText(), Qt::ElideRight, int(content.width())));
    y += detailMetrics.height();
    if (!m_subtitle.isEmpty()) {
        painter.setPen(m_theme.textMuted);
        painter.drawText(QRectF(content.left(), y, content.width(), detailMetrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                         detailMetrics.elidedText(m_subtitle, Qt::ElideRight, int(content.width())));
    }

    const QRectF sparkRect(content.left(), content.bottom() - sparklineHeight, content.width(), sparklineHeight);
    Sparkline::paint(painter, sparkRect, m_history, m_stale ? m_theme.textMuted : m_theme.accent,
                     m_sparklineFromZero);
}

} // namespace vantage
