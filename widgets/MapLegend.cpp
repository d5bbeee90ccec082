#include "widgets/MapLegend.h"

#include "widgets/MapLiveLayer.h"
#include "widgets/TypeScale.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace vantage {

namespace {

constexpr double padding = 10.0;
constexpr double rowGap = 4.0;
constexpr double swatchRadius = 5.0;
constexpr double swatchGap = 8.0;
constexpr double panelRadius = 8.0;
constexpr double maxNameWidth = 180.0;
constexpr double rampWidth = 132.0;
constexpr double rampHeight = 8.0;
// The ramp's gradient samples the layer's table at this many stops.
constexpr int rampStops = 8;

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("vantage::MapLegend", text, nullptr, n);
}

QFont sized(const QFont &base, int pixelSize, bool bold = false)
{
    QFont font = base;
    font.setPixelSize(TypeScale::px(base, pixelSize));
    if (bold)
        font.setWeight(QFont::DemiBold);
    return font;
}

// "form_submission" reads as "Form submission"; the type is shown as plain text either way.
QString typeName(const QString &type)
{
    if (type.isEmpty())
        return tr("Other");
    QString name = type;
    name.replace(u'_', u' ');
    name[0] = name[0].toUpper();
    return name;
}

void paintPanel(QPainter &painter, const QRectF &panel, const QFont &font, const Theme &theme)
{
    QColor fill = theme.surface;
    fill.setAlphaF(0.88f);
    painter.setPen(QPen(theme.border, 1.0));
    painter.setBrush(fill);
    const double radius = TypeScale::pxF(font, panelRadius);
    painter.drawRoundedRect(panel.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
}

struct Row
{
    QString text;
    QColor swatch;     // a filled dot in the type's colour
    bool ring = false; // the session's ring instead
};

// One line of muted text in textFont centred on a panel; base is the map's font.
void paintCaption(QPainter &painter, const QRectF &panel, const QFont &base, const QFont &textFont,
                  const Theme &theme, const QString &text)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    paintPanel(painter, panel, base, theme);
    painter.setFont(textFont);
    painter.setPen(theme.textMuted);
    painter.drawText(panel, Qt::AlignCenter | Qt::TextSingleLine, text);
    painter.restore();
}

} // namespace

void MapLegend::paint(QPainter &painter, const QRectF &bounds, const QFont &font, const Theme &theme,
                      const MapLiveLayer &layer, bool heat)
{
    if (bounds.height() < TypeScale::pxF(font, minMapHeightPx))
        return;
    const double pad = TypeScale::pxF(font, padding);
    const double gap = TypeScale::pxF(font, rowGap);
    const double swatch = TypeScale::pxF(font, swatchRadius);
    const double swatchToText = TypeScale::pxF(font, swatchGap);
    const double margin = TypeScale::pxF(font, cornerMarginPx);
    const double rampW = TypeScale::pxF(font, rampWidth);
    const double rampH = TypeScale::pxF(font, rampHeight);
    const QFont captionFont = sized(font, captionPixelSize);
    const QFont textFont = sized(font, textPixelSize);
    const QFontMetricsF captionMetrics(captionFont);
    const QFontMetricsF textMetrics(textFont);
    const QString caption = heat ? tr("Heat \u00b7 last %n min", int(MapLiveLayer::fadeMs / 60000))
                                 : tr("Events \u00b7 last %n min", int(MapLiveLayer::fadeMs / 60000));

    std::vector<Row> rows;
    if (!heat) {
        const std::vector<QString> &types = layer.types();
        const int shown = int(types.size()) > maxTypeRows ? maxTypeRows - 1 : int(types.size());
        for (int i = 0; i < shown; ++i) {
            rows.push_back(
                {textMetrics.elidedText(typeName(types[std::size_t(i)]), Qt::ElideRight,
                                        TypeScale::pxF(font, maxNameWidth)),
                 layer.typeColor(i), false});
        }
        if (shown < int(types.size()))
            rows.push_back({tr("+%n more", int(types.size()) - shown), theme.textMuted, false});
        if (layer.hasSessions())
            rows.push_back({tr("Active users"), QColor(), true});
    }

    const double rowHeight = std::max(textMetrics.height(), 2 * swatch);
    double contentWidth = captionMetrics.horizontalAdvance(caption);
    for (const Row &row : rows)
        contentWidth = std::max(contentWidth, 2 * swatch + swatchToText + textMetrics.horizontalAdvance(row.text));
    double contentHeight = captionMetrics.height() + double(rows.size()) * (rowHeight + gap);
    if (heat) {
        contentWidth = std::max(contentWidth, rampW);
        contentHeight += gap + rampH + gap + captionMetrics.height();
    }
    const QSizeF size(contentWidth + 2 * pad, contentHeight + 2 * pad);
    const QRectF panel(QPointF(bounds.left() + margin, bounds.bottom() - margin - size.height()), size);
    if (panel.top() < bounds.top())
        return; // no room: the map matters more than its key

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    paintPanel(painter, panel, font, theme);
    const double left = panel.left() + pad;
    double y = panel.top() + pad;
    const int flags = Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine;
    painter.setFont(captionFont);
    painter.setPen(theme.textMuted);
    painter.drawText(QRectF(left, y, contentWidth, captionMetrics.height()), flags, caption);
    y += captionMetrics.height() + gap;

    painter.setFont(textFont);
    for (const Row &row : rows) {
        const QPointF centre(left + swatch, y + rowHeight / 2);
        if (row.ring) {
            painter.setPen(layer.sessionPen());
            painter.setBrush(layer.sessionBrush());
        } else {
            painter.setPen(Qt::NoPen);
            painter.setBrush(row.swatch);
        }
        painter.drawEllipse(centre, swatch, swatch);
        painter.setPen(theme.text);
        const double textLeft = left + 2 * swatch + swatchToText;
        painter.drawText(QRectF(textLeft, y, contentWidth - (textLeft - left), rowHeight), flags, row.text);
        y += rowHeight + gap;
    }

    if (heat) {
        const QRectF bar(left, y, rampW, rampH);
        QLinearGradient gradient(bar.topLeft(), bar.topRight());
        const std::array<QRgb, 256> &ramp = layer.heatRamp();
        for (int s = 0; s < rampStops; ++s) {
            const int index = s * 255 / (rampStops - 1);
            // Over the panel, the faint end of the ramp is drawn opaque enough to be seen.
            QColor color = QColor::fromRgba(qUnpremultiply(ramp[std::size_t(index)]));
            color.setAlphaF(std::max(color.alphaF(), 0.25f));
            gradient.setColorAt(double(s) / (rampStops - 1), color);
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(gradient);
        painter.drawRoundedRect(bar, rampH / 2, rampH / 2);
        y += rampH + gap;
        painter.setFont(captionFont);
        painter.setPen(theme.textMuted);
        const QRectF labels(left, y, rampW, captionMetrics.height());
        painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, tr("fewer"));
        painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, tr("more"));
    }
    painter.restore();
}

void MapLegend::paintUnknown(QPainter &painter, const QRectF &bounds, const QFont &font, const Theme &theme,
                             quint64 unknown)
{
    if (unknown == 0)
        return;
    const QFont textFont = sized(font, textPixelSize);
    const QFontMetricsF metrics(textFont);
    const QString text = tr("Location unknown: %1").arg(QLocale().toString(unknown));
    const double pad = TypeScale::pxF(font, padding);
    const double margin = TypeScale::pxF(font, cornerMarginPx);
    const QSizeF size(metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + pad);
    const QRectF panel(QPointF(bounds.right() - margin - size.width(), bounds.bottom() - margin - size.height()),
                       size);
    paintCaption(painter, panel, font, textFont, theme, text);
}

void MapLegend::paintEmpty(QPainter &painter, const QRectF &bounds, const QFont &font, const Theme &theme)
{
    const QFont textFont = sized(font, 16);
    const QFontMetricsF metrics(textFont);
    const QString text = tr("No located activity yet");
    const double pad = TypeScale::pxF(font, padding);
    const QSizeF size(metrics.horizontalAdvance(text) + 4 * pad, metrics.height() + 2 * pad);
    const QRectF panel(bounds.center() - QPointF(size.width(), size.height()) / 2, size);
    paintCaption(painter, panel, font, textFont, theme, text);
}

} // namespace vantage
