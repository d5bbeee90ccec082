#pragma once

#include <QList>
#include <QPointF>
#include <QString>

namespace vantage {

// One line (or area) of a chart panel: its name in the legend and its points, x in ms since the
// epoch, already decimated to the panel's width.
struct ChartLine
{
    QString name;
    QList<QPointF> points;
};

} // namespace vantage
