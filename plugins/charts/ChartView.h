#pragma once

#include "ui/ChartLine.h"

#include <QChartView>

#include <vector>

class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace vantage {

// "380 ms", "0.40%", "499/s": a value with its unit, as the crosshair and the trend show it.
QString formatChartValue(double value, const QString &unit);

// A chart panel's view. It keeps no zoom of its own: a drag across it selects a time range, the
// wheel zooms about the pointer, Shift+wheel and the arrow keys pan, and a double click or Escape
// asks for the page's range back; each is a request the page carries out on every panel. The
// crosshair follows the pointer and names each line's value there, as plain text.
class ChartView final : public QChartView
{
    Q_OBJECT
public:
    explicit ChartView(QChart *chart, QWidget *parent = nullptr);

    // The lines the crosshair reads, and the unit after their values.
    void setLines(const std::vector<ChartLine> &lines, const QString &unit);
    void setCrosshairColor(const QColor &color, const QColor &text);
    // The crosshair's words at a time: "14:03:05  p95 380 ms  avg 164 ms"; empty without lines.
    QString crosshairText(qint64 timeMs) const;

Q_SIGNALS:
    void rangeRequested(qint64 fromMs, qint64 toMs);
    void resetRequested();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    qint64 timeAt(qreal x) const;
    // The visible range, from the x axis.
    std::pair<qint64, qint64> shownRange() const;
    void moveCrosshair(const QPointF &position);

    std::vector<ChartLine> m_lines;
    QString m_unit;
    QGraphicsLineItem *m_crosshair;
    QGraphicsSimpleTextItem *m_readout;
    QGraphicsRectItem *m_selection;
    std::optional<qreal> m_dragFromX;
};

} // namespace vantage
