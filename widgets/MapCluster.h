#pragma once

#include <QPointF>
#include <QRectF>

namespace vantage {

// A group of MapPoints drawn as one marker. Its members' MapPoint::source values are
// PointClusterer::sources(cluster): a slice of one list the clusterer keeps, so a frame of
// clusters allocates nothing per cluster.
struct MapCluster
{
    QPointF pixel;            // the members' mean position, weighted by their weights
    int count = 0;            // the sum of the members' weights
    int dominantCategory = 0; // the category with the most weight; on a tie, the smallest
    QRectF extent;            // the members' bounding box (no area for a single point)
    int firstSource = 0;      // where the members start in the clusterer's list
    int sourceCount = 0;      // how many points (not weights) the cluster holds
};

} // namespace vantage
