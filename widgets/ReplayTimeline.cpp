#include "widgets/ReplayTimeline.h"

#include "widgets/TypeScale.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace vantage {

namespace {

// Lengths of the layout are design pixels, scaled by the widget's type scale; hairlines (edges,
// hatching, ticks' widths, the playhead's line) keep their whole-pixel widths.

// Room either side of the track for half the playhead's head at the very start or end.
constexpr double sideMargin = 6.0;
// Room above the track for the playhead's head.
constexpr double topMargin = 5.0;
constexpr double labelGap = 3.0;
constexpr double trackRadius = 5.0;
// The strip along the top of the track that alert ticks use; the density stays below it.
constexpr double tickZone = 10.0;
constexpr double raisedTickHeight = 7.0;
constexpr double resolvedTickHeight = 4.0;
constexpr double headRadius = 4.5;
// The narrowest a reconnect gap is drawn, so a blip of a few seconds in a day-long log still shows.
constexpr double gapMinWidth = 2.0;
// How far beside a gap's band the cursor still names it: a 2 px band is fiddly to hit.
constexpr double gapHoverReach = 3.0;
constexpr double hatchSpacing = 6.0;
constexpr double gapBaseHeight = 2.0;

QFont labelFont(const QFont &base)
{
    QFont font = base;
    font.setPixelSize(TypeScale::px(base, 11));
    return font;
}

QColor withAlpha(QColor color, double alpha)
{
    color.setAlphaF(float(alpha));
    return color;
}

QRectF gapBand(const ReplayTimelineScale &scale, const ReplayTimelineScale::GapSpan &span)
{
    // Whole pixels: a band with soft edges reads as a smudge rather than an interruption.
    const double left = std::round(span.x0);
    return {left, scale.rect.top(), std::max(std::round(span.x1) - left, 1.0), scale.rect.height()};
}

} // namespace

ReplayTimeline::ReplayTimeline(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Replay timeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
}

void ReplayTimeline::setTheme(const Theme &theme)
{
    m_theme = theme;
    update();
}

void ReplayTimeline::setIndex(std::shared_ptr<const ReplayIndex> index)
{
    m_index = std::move(index);
    if (!m_index || !m_index->firstTimeMs)
        m_dragTimeMs.reset();
    if (m_hoverX)
        hoverAt(QPointF(*m_hoverX, trackRect().center().y()));
    update();
}

void ReplayTimeline::setPosition(qint64 logTimeMs)
{
    if (logTimeMs == m_position)
        return;
    m_position = logTimeMs;
    update();
}

QSize ReplayTimeline::sizeHint() const
{
    return {TypeScale::px(font(), 480), TypeScale::px(font(), 56)};
}

QSize ReplayTimeline::minimumSizeHint() const
{
    return {TypeScale::px(font(), 160), TypeScale::px(font(), 40)};
}

double ReplayTimeline::scaled(double designPx) const
{
    return TypeScale::pxF(font(), designPx);
}

QRectF ReplayTimeline::labelRect() const
{
    const double height = QFontMetricsF(labelFont(font())).height();
    const double side = scaled(sideMargin);
    return {side, double(this->height()) - height, double(width()) - 2 * side, height};
}

QRectF ReplayTimeline::trackRect() const
{
    const double bottom = labelRect().top() - scaled(labelGap);
    const double side = scaled(sideMargin);
    const double top = scaled(topMargin);
    return {side, top, double(width()) - 2 * side, std::max(bottom - top, 1.0)};
}

std::optional<ReplayTimelineScale> ReplayTimeline::scale() const
{
    if (!m_index)
        return std::nullopt;
    return ReplayTimelineScale::forIndex(*m_index, trackRect());
}

void ReplayTimeline::requestSeek(qint64 logTimeMs)
{
    // The playhead goes there at once, as a slider's would, so that a second key press steps on
    // from it; the replay's next setPosition confirms it.
    m_position = logTimeMs;
    update();
    Q_EMIT seekRequested(logTimeMs);
}

void ReplayTimeline::hoverAt(const QPointF &pos)
{
    m_hoverX = pos.x();
    QString text;
    if (const std::optional<ReplayTimelineScale> s = scale()) {
        const std::vector<ReplayTimelineScale::GapSpan> gaps = s->gapSpans(m_index->gaps, gapMinWidth);
        const ReplayTimelineScale::GapSpan *gap = hoveredGap(gaps);
        text = gap ? gapText(*s, *gap) : s->timeText(s->timeForX(pos.x()));
    }
    setToolTip(text);
    // A tooltip already showing follows the cursor rather than keeping the time it opened with.
    if (QToolTip::isVisible() && !text.isEmpty())
        QToolTip::showText(mapToGlobal(pos.toPoint()), text, this);
    update();
}

const ReplayTimelineScale::GapSpan *
ReplayTimeline::hoveredGap(std::span<const ReplayTimelineScale::GapSpan> spans) const
{
    // A drag is choosing a time: the tooltip and the bands stay on that.
    if (!m_hoverX || m_dragTimeMs)
        return nullptr;
    return ReplayTimelineScale::gapSpanAt(spans, *m_hoverX, scaled(gapHoverReach));
}

QString ReplayTimeline::gapText(const ReplayTimelineScale &scale,
                                const ReplayTimelineScale::GapSpan &gap) const
{
    const QString from = scale.timeText(gap.startMs);
    const QString to = scale.timeText(gap.endMs);
    const QString length = ReplayTimelineScale::durationText(gap.downMs);
    if (gap.gaps == 1)
        return tr("Disconnected %1 \u2013 %2 (%3)").arg(from, to, length);
    return tr("Disconnected %n times, %1 \u2013 %2 (%3 in all)", nullptr, gap.gaps).arg(from, to, length);
}

void ReplayTimeline::mousePressEvent(QMouseEvent *event)
{
    const std::optional<ReplayTimelineScale> s = scale();
    if (event->button() != Qt::LeftButton || !s) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragTimeMs = s->timeForX(event->position().x());
    hoverAt(event->position());
}

void ReplayTimeline::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragTimeMs) {
        if (const std::optional<ReplayTimelineScale> s = scale())
            m_dragTimeMs = s->timeForX(event->position().x());
    }
    hoverAt(event->position());
}

void ReplayTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragTimeMs) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_dragTimeMs.reset();
    if (const std::optional<ReplayTimelineScale> s = scale())
        requestSeek(s->timeForX(event->position().x()));
}

void ReplayTimeline::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_dragTimeMs) {
        m_dragTimeMs.reset(); // a drag let go of with Escape seeks nowhere
        update();
        return;
    }
    const std::optional<ReplayTimelineScale> s = scale();
    if (!s || (event->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier) {
        QWidget::keyPressEvent(event);
        return;
    }
    const qint64 page = std::max<qint64>(s->spanMs() / 10, 1);
    const qint64 from = std::clamp(m_position > 0 ? m_position : s->startMs, s->startMs, s->endMs);
    // PageUp goes back towards Home and PageDown on towards End, as in a document.
    switch (event->key()) {
    case Qt::Key_Home: requestSeek(s->startMs); break;
    case Qt::Key_End: requestSeek(s->endMs); break;
    case Qt::Key_PageUp: requestSeek(std::max(from - page, s->startMs)); break;
    case Qt::Key_PageDown: requestSeek(std::min(from + page, s->endMs)); break;
    default: QWidget::keyPressEvent(event); return;
    }
}

void ReplayTimeline::leaveEvent(QEvent *event)
{
    m_hoverX.reset();
    setToolTip(QString());
    update();
    QWidget::leaveEvent(event);
}

void ReplayTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);

    const QRectF track = trackRect();
    QPainterPath trackPath;
    trackPath.addRoundedRect(track.adjusted(0.5, 0.5, -0.5, -0.5), scaled(trackRadius), scaled(trackRadius));
    painter.fillPath(trackPath, m_theme.surfaceAlt);

    const std::optional<ReplayTimelineScale> s = scale();
    const std::optional<qint64> playhead = playheadTime();
    if (!s) {
        paintEmpty(painter, track);
    } else {
        const double playheadX = playhead ? s->xForTime(*playhead) : track.left();
        painter.save();
        painter.setClipPath(trackPath);
        // The part already played is tinted so where the replay is reads at a glance.
        painter.fillRect(QRectF(track.topLeft(), QPointF(playheadX, track.bottom())),
                         withAlpha(m_theme.accent, 0.10));
        // Bands behind the density and their edges over it, so frames logged in a gap still show
        // and so does the gap.
        const std::vector<ReplayTimelineScale::GapSpan> gaps = s->gapSpans(m_index->gaps, gapMinWidth);
        paintGapBands(painter, *s, gaps);
        paintDensity(painter, *s, playheadX);
        paintGapEdges(painter, *s, gaps);
        paintAlerts(painter, *s);
        if (m_hoverX && !m_dragTimeMs) {
            const double x = std::clamp(*m_hoverX, track.left(), track.right() - 1.0);
            painter.fillRect(QRectF(std::floor(x), track.top(), 1.0, track.height()),
                             withAlpha(m_theme.textMuted, 0.7));
        }
        painter.restore();
    }

    painter.setPen(QPen(hasFocus() ? m_theme.accent : m_theme.border, 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(trackPath);

    if (s) {
        if (playhead)
            paintPlayhead(painter, s->xForTime(*playhead));
        paintLabels(painter, *s);
    }
}

void ReplayTimeline::paintEmpty(QPainter &painter, const QRectF &track) const
{
    const bool indexing = m_index && !m_index->complete;
    painter.setFont(labelFont(font()));
    painter.setPen(m_theme.textMuted);
    painter.drawText(track, Qt::AlignCenter | Qt::TextSingleLine,
                     indexing ? tr("Indexing\u2026") : tr("No timeline"));
}

void ReplayTimeline::paintGapBands(QPainter &painter, const ReplayTimelineScale &scale,
                                   std::span<const ReplayTimelineScale::GapSpan> spans) const
{
    const QRectF &track = scale.rect;
    const bool dark = m_theme.mode == Theme::Mode::Dark;
    const ReplayTimelineScale::GapSpan *hovered = hoveredGap(spans);
    for (const ReplayTimelineScale::GapSpan &span : spans) {
        const QRectF band = gapBand(scale, span);
        const bool hot = &span == hovered;
        painter.fillRect(band, withAlpha(m_theme.critical, (dark ? 0.12 : 0.08) * (hot ? 2.0 : 1.0)));

        // Diagonal hatching says "no data here" in either theme without a solid block of red
        // competing with the alert ticks. The lines sit on a grid fixed to the widget, so bands
        // side by side hatch alike.
        painter.save();
        painter.setClipRect(band, Qt::IntersectClip);
        painter.setPen(QPen(withAlpha(m_theme.critical, (dark ? 0.45 : 0.35) * (hot ? 1.5 : 1.0)), 1.0));
        const double rise = track.height();
        for (double x = std::floor((band.left() - rise) / hatchSpacing) * hatchSpacing; x < band.right();
             x += hatchSpacing)
            painter.drawLine(QPointF(x, track.bottom()), QPointF(x + rise, track.top()));
        painter.restore();
    }
}

void ReplayTimeline::paintGapEdges(QPainter &painter, const ReplayTimelineScale &scale,
                                   std::span<const ReplayTimelineScale::GapSpan> spans) const
{
    const QRectF &track = scale.rect;
    const QColor edge = withAlpha(m_theme.critical, m_theme.mode == Theme::Mode::Dark ? 0.60 : 0.50);
    for (const ReplayTimelineScale::GapSpan &span : spans) {
        const QRectF band = gapBand(scale, span);
        // Edges frame a wide band and make a sliver a few pixels wide stand out from the track.
        painter.fillRect(QRectF(band.left(), track.top(), 1.0, track.height()), edge);
        if (band.width() > 1.0)
            painter.fillRect(QRectF(band.right() - 1.0, track.top(), 1.0, track.height()), edge);
        // The baseline the density stands on, broken in the critical colour: the stream stopped.
        // It sits just above the track's outline, which would otherwise cover half of it.
        painter.fillRect(
            QRectF(band.left(), track.bottom() - 1.0 - gapBaseHeight, band.width(), gapBaseHeight),
            m_theme.critical);
    }
}

void ReplayTimeline::paintDensity(QPainter &painter, const ReplayTimelineScale &scale, double playheadX) const
{
    const std::vector<double> density = scale.columnDensity(m_index->density);
    if (density.empty())
        return;
    const QRectF &rect = scale.rect;
    const double baseline = rect.bottom() - 1.0;
    const double maxHeight = std::max(rect.height() - scaled(tickZone) - 1.0, 2.0);
    const double step = scale.columnWidth();

    // The outline of the bars, one step per column. The square root lifts quiet stretches off
    // the floor next to a burst, so a log with one spike still shows its steady traffic.
    QPolygonF outline;
    outline.reserve(qsizetype(density.size()) * 2 + 2);
    outline << QPointF(rect.left(), baseline);
    for (std::size_t c = 0; c < density.size(); ++c) {
        const double v = density[c];
        const double height = v > 0.0 ? std::max(std::sqrt(v) * maxHeight, 1.5) : 0.0;
        const double x = rect.left() + double(c) * step;
        outline << QPointF(x, baseline - height) << QPointF(x + step, baseline - height);
    }
    outline << QPointF(rect.right(), baseline);

    QPainterPath area;
    area.addPolygon(outline);
    area.closeSubpath();

    // Played bars in the accent, those still ahead softened, so the played part reads as done.
    const bool dark = m_theme.mode == Theme::Mode::Dark;
    const double split = std::clamp(playheadX, rect.left(), rect.right());
    const struct
    {
        QRectF clip;
        double alpha;
    } parts[] = {
        {QRectF(QPointF(rect.left(), rect.top()), QPointF(split, rect.bottom())), dark ? 0.80 : 0.70},
        {QRectF(QPointF(split, rect.top()), rect.bottomRight()), dark ? 0.38 : 0.30},
    };
    for (const auto &part : parts) {
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing, false); // whole-pixel columns stay crisp
        painter.setClipRect(part.clip, Qt::IntersectClip);
        painter.fillPath(area, withAlpha(m_theme.accent, part.alpha));
        painter.restore();
    }
}

void ReplayTimeline::paintAlerts(QPainter &painter, const ReplayTimelineScale &scale) const
{
    const std::vector<ReplayTimelineScale::AlertTick> ticks = scale.alertTicks(m_index->alerts);
    const double top = scale.rect.top() + scaled(2.0);
    painter.save();
    painter.setPen(Qt::NoPen);
    // Resolutions first, so a raised alert in a neighbouring column is drawn over them.
    for (const bool raised : {false, true}) {
        for (const ReplayTimelineScale::AlertTick &tick : ticks) {
            if (tick.raised != raised)
                continue;
            // Odd widths centred on a column's centre keep the ticks on whole pixels.
            const double width = raised ? 3.0 : 1.0;
            const double height = scaled(raised ? raisedTickHeight : resolvedTickHeight);
            painter.setBrush(raised ? m_theme.severityColor(tick.severity) : m_theme.textMuted);
            painter.drawRoundedRect(QRectF(tick.x - width / 2, top, width, height), width / 2, width / 2);
        }
    }
    painter.restore();
}

void ReplayTimeline::paintPlayhead(QPainter &painter, double x) const
{
    const QRectF track = trackRect();
    const double px = std::round(x); // a 2 px line on whole pixels stays sharp
    const double head = scaled(headRadius);
    const QPointF top(px, track.top() + head);
    const QPointF bottom(px, track.bottom() - 0.5);
    painter.save();
    // A rim in the track's colour keeps the line readable over the bars and the alert ticks.
    painter.setPen(QPen(m_theme.surfaceAlt, 4.0, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(top, bottom);
    painter.setPen(QPen(m_theme.text, 2.0, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(top, bottom);
    painter.setPen(QPen(m_theme.surfaceAlt, 1.5));
    painter.setBrush(m_theme.text);
    painter.drawEllipse(QPointF(px, track.top() + 1.0), head, head);
    painter.restore();
}

void ReplayTimeline::paintLabels(QPainter &painter, const ReplayTimelineScale &scale) const
{
    const QRectF row = labelRect();
    const QFont font = labelFont(this->font());
    const QFontMetricsF metrics(font);
    painter.setFont(font);
    const auto labelAt = [&](double left, const QString &text) {
        const double width = metrics.horizontalAdvance(text);
        return QRectF(std::clamp(left, row.left(), std::max(row.right() - width, row.left())), row.top(),
                      width, row.height());
    };
    const double spacing = scaled(8.0);
    const auto apart = [spacing](const QRectF &a, const QRectF &b) {
        return !a.adjusted(-spacing, 0.0, spacing, 0.0).intersects(b);
    };

    const QString startText = scale.timeText(scale.startMs);
    const QString endText = m_index->complete
                                ? scale.timeText(scale.endMs)
                                : tr("%1 \u00b7 indexing\u2026").arg(scale.timeText(scale.endMs));
    const QRectF startRect = labelAt(row.left(), startText);
    const QRectF endRect = labelAt(row.right(), endText);

    // The time under the cursor (or being dragged to) in a capsule; else the playhead's time under it.
    QString cursorText;
    QRectF cursorRect;
    std::optional<qint64> cursor = m_dragTimeMs;
    if (!cursor && m_hoverX)
        cursor = scale.timeForX(*m_hoverX);
    if (cursor) {
        cursorText = scale.timeText(*cursor);
        const double width = metrics.horizontalAdvance(cursorText) + scaled(12.0);
        const double x = m_dragTimeMs ? scale.xForTime(*cursor) : *m_hoverX;
        cursorRect = QRectF(std::clamp(x - width / 2, 0.0, std::max(double(this->width()) - width, 0.0)),
                            row.top(), width, row.height());
    }
    QString playheadText;
    QRectF playheadRect;
    if (const std::optional<qint64> playhead = playheadTime(); playhead && !m_dragTimeMs) {
        playheadText = scale.timeText(*playhead);
        playheadRect =
            labelAt(scale.xForTime(*playhead) - metrics.horizontalAdvance(playheadText) / 2, playheadText);
        if (!cursorText.isEmpty() && !apart(playheadRect, cursorRect))
            playheadText.clear();
    }

    const int flags = Qt::AlignCenter | Qt::TextSingleLine;
    painter.setPen(m_theme.textMuted);
    // The playhead's time wins over an end's it would run into; in a narrow timeline the start
    // wins over the end.
    if (playheadText.isEmpty() || apart(startRect, playheadRect))
        painter.drawText(startRect, flags, startText);
    if ((playheadText.isEmpty() || apart(endRect, playheadRect)) && apart(endRect, startRect))
        painter.drawText(endRect, flags, endText);
    if (!playheadText.isEmpty()) {
        painter.setPen(m_theme.text);
        painter.drawText(playheadRect, flags, playheadText);
    }
    if (!cursorText.isEmpty()) {
        painter.setPen(QPen(m_theme.border, 1.0));
        painter.setBrush(m_theme.surface);
        painter.drawRoundedRect(cursorRect.adjusted(0.5, 0.5, -0.5, -0.5), cursorRect.height() / 2,
                                cursorRect.height() / 2);
        painter.setPen(m_theme.text);
        painter.drawText(cursorRect, flags, cursorText);
    }
}

std::optional<qint64> ReplayTimeline::playheadTime() const
{
    if (m_dragTimeMs)
        return m_dragTimeMs;
    return m_position > 0 ? std::optional<qint64>(m_position) : std::nullopt;
}

} // namespace vantage
