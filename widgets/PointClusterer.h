#pragma once

#include "widgets/MapCluster.h"
#include "widgets/MapPoint.h"

#include <QtGlobal>

#include <span>
#include <utility>
#include <vector>

namespace vantage {

// Groups the activity map's points into markers, in pixel space, every frame. The rule:
// 1. Points are bucketed by square cells of cellPx.
// 2. Buckets are taken heaviest first (then top to bottom, left to right); each one not yet
//    taken becomes a cluster and takes in those of its 8 neighbouring buckets not yet taken whose
//    weighted centres lie closer than cellPx to its own. So a group straddling a cell border
//    stays one cluster, while a cluster never spans more than 3 x 3 cells: dense data does not
//    chain into one giant blob.
// Output: clusters by count descending, then top to bottom, left to right. The same input gives
// the same output. Buffers are kept between calls, so a steady frame does not allocate apart
// from the returned vector.
class PointClusterer
{
public:
    // Smaller (or NaN) cell sizes are taken as this.
    static constexpr double minCellPx = 1e-3;

    PointClusterer() = default;

    // Points with a non-finite pixel are left out; weights below 1 count as 1.
    std::vector<MapCluster> cluster(std::span<const MapPoint> points, double cellPx);
    // A cluster's members' MapPoint::source values, in input order; valid until the next cluster().
    std::span<const int> sources(const MapCluster &cluster) const;

private:
    struct Entry
    {
        qint64 row = 0;
        qint64 column = 0;
        int point = 0;
    };
    struct Bucket
    {
        qint64 row = 0;
        qint64 column = 0;
        int begin = 0; // into m_entries
        int end = 0;
        double weight = 0.0;
        QPointF center;
        int cluster = -1;
    };

    void fillBuckets(std::span<const MapPoint> points, double cellPx);
    int mergeBuckets(double cellPx);
    int findBucket(qint64 row, qint64 column) const;
    MapCluster summarize(std::span<const MapPoint> points, int begin, int end);

    std::vector<Entry> m_entries;
    std::vector<Bucket> m_buckets;
    std::vector<int> m_order;
    std::vector<int> m_pointCluster;
    std::vector<int> m_clusterStart;
    std::vector<int> m_cursor;
    std::vector<int> m_sources;
    std::vector<std::pair<int, int>> m_categoryWeights;
};

} // namespace vantage
