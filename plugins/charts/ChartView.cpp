#include "plugins/charts/ChartView.h"

#include "widgets/ValueFormat.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vantage {

namespace {

// A drag narrower than this is a click, not a selection.
constexpr qreal kMinimumDragPx = 6;
// One wheel notch zooms by this factor, and an arrow key pans by this share of the range.
constexpr double kWheelZoom = 1.25;
constexpr double kPanShare = 0.25;
// The narrowest range zooming goes down to.
constexpr qint64 kMinimumRangeMs = 10'000;

} // namespace

QString formatChartValue(double value, const QString &unit)
{
    const QString number = ValueFormat::count(value, std::abs(value) < 10 ? 2 : 0);
    if (unit.isEmpty())
        return number;
    const bool attached = unit.startsWith(QLatin1Char('%')) || unit.startsWith(QLatin1Char('/'));
    return number + (attached ? QString() : QStringLiteral(" ")) + unit;
}

ChartView::ChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent)
    , m_crosshair(new QGraphicsLineItem(chart))
    , m_readout(new QGraphicsSimpleTextItem(chart))
    , m_selection(new QGraphicsRectItem(chart))
{
    setRubberBand(QChartView::NoRubberBand);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    for (QGraphicsItem *item : std::initializer_list<QGraphicsItem *>{m_crosshair, m_readout, m_selection}) {
        item->setZValue(100);
        item->hide();
    }
}

void ChartView::setLines(const std::vector<ChartLine> &lines, const QString &unit)
{
    m_lines = lines;
    m_unit = unit;
}

void ChartView::setCrosshairColor(const QColor &color, const QColor &text)
{
    m_crosshair->setPen(QPen(color, 1, Qt::DashLine));
    m_readout->setBrush(text);
    QColor fill = color;
    fill.setAlpha(40);
    m_selection->setBrush(fill);
    m_selection->setPen(Qt::NoPen);
}

QString ChartView::crosshairText(qint64 timeMs) const
{
    QStringList parts;
    for (const ChartLine &line : m_lines) {
        if (line.points.isEmpty())
            continue;
        const auto after = std::lower_bound(line.points.begin(), line.points.end(), double(timeMs),
                                            [](const QPointF &point, double x) { return point.x() < x; });
        auto nearest = after == line.points.end() ? after - 1 : after;
        if (after != line.points.begin() && after != line.points.end() &&
            double(timeMs) - (after - 1)->x() < after->x() - double(timeMs))
            nearest = after - 1;
        parts.append(line.name + QLatin1Char(' ') + formatChartValue(nearest->y(), m_unit));
    }
    if (parts.isEmpty())
        return {};
    return QDateTime::fromMSecsSinceEpoch(timeMs).toString(QStringLiteral("HH:mm:ss")) +
           QStringLiteral("  ") + parts.join(QStringLiteral("  "));
}

qint64 ChartView::timeAt(qreal x) const
{
    return qint64(chart()->mapToValue(QPointF(x, chart()->plotArea().center().y())).x());
}

std::pair<qint64, qint64> ChartView::shownRange() const
{
    const auto axes = chart()->axes(Qt::Horizontal);
    const auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis *>(axes.first());
    if (!axis)
        return {0, 0};
    return {axis->min().toMSecsSinceEpoch(), axis->max().toMSecsSinceEpoch()};
}

void ChartView::moveCrosshair(const QPointF &position)
{
    const QRectF plot = chart()->plotArea();
    const QString text = plot.contains(position) ? crosshairText(timeAt(position.x())) : QString();
    m_crosshair->setVisible(!text.isEmpty());
    m_readout->setVisible(!text.isEmpty());
    if (text.isEmpty())
        return;
    m_crosshair->setLine(position.x(), plot.top(), position.x(), plot.bottom());
    m_readout->setText(text);
    const qreal width = m_readout->boundingRect().width();
    const qreal left = position.x() + 8 + width > plot.right() ? position.x() - 8 - width : position.x() + 8;
    m_readout->setPos(std::max(plot.left(), left), plot.top() + 2);
}

void ChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && chart()->plotArea().contains(event->position())) {
        m_dragFromX = event->position().x();
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent *event)
{
    moveCrosshair(event->position());
    if (m_dragFromX) {
        const QRectF plot = chart()->plotArea();
        const qreal x = std::clamp(event->position().x(), plot.left(), plot.right());
        m_selection->setRect(QRectF(QPointF(std::min(x, *m_dragFromX), plot.top()),
                                    QPointF(std::max(x, *m_dragFromX), plot.bottom())));
        m_selection->show();
    }
    QChartView::mouseMoveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragFromX) {
        const QRectF plot = chart()->plotArea();
        const qreal to = std::clamp(event->position().x(), plot.left(), plot.right());
        const qreal from = *m_dragFromX;
        m_dragFromX.reset();
        m_selection->hide();
        if (std::abs(to - from) >= kMinimumDragPx) {
            const qint64 a = timeAt(std::min(from, to));
            const qint64 b = timeAt(std::max(from, to));
            Q_EMIT rangeRequested(a, std::max(b, a + kMinimumRangeMs));
        }
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void ChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    Q_EMIT resetRequested();
    event->accept();
}

void ChartView::wheelEvent(QWheelEvent *event)
{
    const auto [from, to] = shownRange();
    const int notches = event->angleDelta().y() / 120;
    if (to <= from || notches == 0) {
        event->ignore();
        return;
    }
    const double span = double(to - from);
    if (event->modifiers() & Qt::ShiftModifier) {
        const qint64 shift = qint64(-notches * kPanShare * span);
        Q_EMIT rangeRequested(from + shift, to + shift);
    } else {
        const double scale = std::pow(kWheelZoom, -notches);
        const double anchor = std::clamp(double(timeAt(event->position().x())), double(from), double(to));
        const double newSpan = std::max(double(kMinimumRangeMs), span * scale);
        const double share = (anchor - double(from)) / span;
        const qint64 newFrom = qint64(anchor - share * newSpan);
        Q_EMIT rangeRequested(newFrom, newFrom + qint64(newSpan));
    }
    event->accept();
}

void ChartView::keyPressEvent(QKeyEvent *event)
{
    const auto [from, to] = shownRange();
    const qint64 shift = qint64(kPanShare * double(to - from));
    switch (event->key()) {
    case Qt::Key_Left: Q_EMIT rangeRequested(from - shift, to - shift); break;
    case Qt::Key_Right: Q_EMIT rangeRequested(from + shift, to + shift); break;
    case Qt::Key_Escape: Q_EMIT resetRequested(); break;
    default: QChartView::keyPressEvent(event); return;
    }
    event->accept();
}

void ChartView::leaveEvent(QEvent *event)
{
    m_crosshair->hide();
    m_readout->hide();
    QChartView::leaveEvent(event);
}

} // namespace vantage
