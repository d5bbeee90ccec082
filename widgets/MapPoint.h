#pragma once

#include <QPointF>

namespace vantage {

// One place to draw on the activity map, already in widget pixels, for PointClusterer and
// HeatGrid.
struct MapPoint
{
    QPointF pixel;
    int category = 0; // the caller's kind of event (signup, payment, ...), for a cluster's colour
    int weight = 1;   // how many events it stands for
    int source = -1;  // the caller's index (a model row, say), handed back in a cluster's sources
};

} // namespace vantage
