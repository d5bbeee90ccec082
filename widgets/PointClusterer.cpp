#include "widgets/PointClusterer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

namespace vantage {

namespace {

// Far beyond any screen, yet exactly representable: keeps the cast to an integer defined.
constexpr double cellLimit = 1e15;

qint64 cellIndex(double coordinate, double cellPx)
{
    return qint64(std::clamp(std::floor(coordinate / cellPx), -cellLimit, cellLimit));
}

int weightOf(const MapPoint &point)
{
    return std::max(point.weight, 1);
}

} // namespace

std::vector<MapCluster> PointClusterer::cluster(std::span<const MapPoint> points, double cellPx)
{
    if (!(cellPx >= minCellPx))
        cellPx = minCellPx;
    fillBuckets(points, cellPx);
    const int clusters = mergeBuckets(cellPx);

    // Members grouped by cluster, each group in input order: a counting sort, no comparisons.
    m_pointCluster.assign(points.size(), -1);
    for (const Bucket &bucket : m_buckets) {
        for (int e = bucket.begin; e < bucket.end; ++e)
            m_pointCluster[std::size_t(m_entries[std::size_t(e)].point)] = bucket.cluster;
    }
    m_clusterStart.assign(std::size_t(clusters) + 1, 0);
    for (int c : m_pointCluster) {
        if (c >= 0)
            ++m_clusterStart[std::size_t(c) + 1];
    }
    for (std::size_t c = 1; c < m_clusterStart.size(); ++c)
        m_clusterStart[c] += m_clusterStart[c - 1];
    m_cursor.assign(m_clusterStart.begin(), m_clusterStart.end() - 1);
    m_sources.resize(std::size_t(m_clusterStart.back()));
    for (std::size_t i = 0; i < m_pointCluster.size(); ++i) {
        if (const int c = m_pointCluster[i]; c >= 0)
            m_sources[std::size_t(m_cursor[std::size_t(c)]++)] = int(i);
    }

    std::vector<MapCluster> result;
    result.reserve(std::size_t(clusters));
    for (int c = 0; c < clusters; ++c)
        result.push_back(
            summarize(points, m_clusterStart[std::size_t(c)], m_clusterStart[std::size_t(c) + 1]));
    // Positions have served; hand back the caller's own indices.
    for (int &member : m_sources)
        member = points[std::size_t(member)].source;

    std::sort(result.begin(), result.end(), [](const MapCluster &a, const MapCluster &b) {
        return std::tuple(-a.count, a.pixel.y(), a.pixel.x(), a.firstSource) <
               std::tuple(-b.count, b.pixel.y(), b.pixel.x(), b.firstSource);
    });
    return result;
}

std::span<const int> PointClusterer::sources(const MapCluster &cluster) const
{
    const std::size_t begin = std::min(std::size_t(std::max(cluster.firstSource, 0)), m_sources.size());
    const std::size_t size =
        std::min(std::size_t(std::max(cluster.sourceCount, 0)), m_sources.size() - begin);
    return std::span<const int>(m_sources).subspan(begin, size);
}

void PointClusterer::fillBuckets(std::span<const MapPoint> points, double cellPx)
{
    m_entries.clear();
    for (std::size_t i = 0; i < points.size(); ++i) {
        const QPointF p = points[i].pixel;
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            continue;
        m_entries.push_back({cellIndex(p.y(), cellPx), cellIndex(p.x(), cellPx), int(i)});
    }
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        return std::tie(a.row, a.column, a.point) < std::tie(b.row, b.column, b.point);
    });

    m_buckets.clear();
    for (std::size_t e = 0; e < m_entries.size();) {
        Bucket bucket{m_entries[e].row, m_entries[e].column, int(e), int(e), 0.0, QPointF(), -1};
        double sumX = 0.0;
        double sumY = 0.0;
        for (; e < m_entries.size() && m_entries[e].row == bucket.row && m_entries[e].column == bucket.column;
             ++e) {
            const MapPoint &point = points[std::size_t(m_entries[e].point)];
            const double w = weightOf(point);
            bucket.weight += w;
            sumX += w * point.pixel.x();
            sumY += w * point.pixel.y();
        }
        bucket.end = int(e);
        bucket.center = QPointF(sumX / bucket.weight, sumY / bucket.weight);
        m_buckets.push_back(bucket);
    }
}

int PointClusterer::mergeBuckets(double cellPx)
{
    m_order.resize(m_buckets.size());
    for (std::size_t b = 0; b < m_order.size(); ++b)
        m_order[b] = int(b);
    // Buckets are already top to bottom, left to right, so their index breaks ties between equal
    // weights (std::sort: stable_sort may allocate a buffer every frame).
    std::sort(m_order.begin(), m_order.end(), [this](int a, int b) {
        const double wa = m_buckets[std::size_t(a)].weight;
        const double wb = m_buckets[std::size_t(b)].weight;
        return wa != wb ? wa > wb : a < b;
    });

    int clusters = 0;
    for (int b : m_order) {
        Bucket &seed = m_buckets[std::size_t(b)];
        if (seed.cluster >= 0)
            continue;
        seed.cluster = clusters;
        for (qint64 dr = -1; dr <= 1; ++dr) {
            for (qint64 dc = -1; dc <= 1; ++dc) {
                const int n = findBucket(seed.row + dr, seed.column + dc);
                if (n < 0)
                    continue;
                Bucket &neighbour = m_buckets[std::size_t(n)];
                const QPointF d = neighbour.center - seed.center;
                if (neighbour.cluster < 0 && std::hypot(d.x(), d.y()) < cellPx)
                    neighbour.cluster = clusters;
            }
        }
        ++clusters;
    }
    return clusters;
}

int PointClusterer::findBucket(qint64 row, qint64 column) const
{
    const auto it = std::lower_bound(m_buckets.begin(), m_buckets.end(), std::pair(row, column),
                                     [](const Bucket &bucket, const std::pair<qint64, qint64> &key) {
                                         return std::pair(bucket.row, bucket.column) < key;
                                     });
    if (it == m_buckets.end() || it->row != row || it->column != column)
        return -1;
    return int(it - m_buckets.begin());
}

MapCluster PointClusterer::summarize(std::span<const MapPoint> points, int begin, int end)
{
    MapCluster cluster;
    cluster.firstSource = begin;
    cluster.sourceCount = end - begin;
    double sumX = 0.0;
    double sumY = 0.0;
    double left = std::numeric_limits<double>::infinity();
    double top = left;
    double right = -left;
    double bottom = -left;
    m_categoryWeights.clear();
    for (int m = begin; m < end; ++m) {
        const MapPoint &point = points[std::size_t(m_sources[std::size_t(m)])];
        const int w = weightOf(point);
        cluster.count += w;
        sumX += double(w) * point.pixel.x();
        sumY += double(w) * point.pixel.y();
        left = std::min(left, point.pixel.x());
        right = std::max(right, point.pixel.x());
        top = std::min(top, point.pixel.y());
        bottom = std::max(bottom, point.pixel.y());
        m_categoryWeights.emplace_back(point.category, w);
    }
    cluster.pixel = QPointF(sumX / cluster.count, sumY / cluster.count);
    cluster.extent = QRectF(QPointF(left, top), QPointF(right, bottom));

    // Runs of one category after sorting; the first (smallest) category wins a tie.
    std::sort(m_categoryWeights.begin(), m_categoryWeights.end());
    int bestWeight = 0;
    for (std::size_t i = 0; i < m_categoryWeights.size();) {
        const int category = m_categoryWeights[i].first;
        int weight = 0;
        for (; i < m_categoryWeights.size() && m_categoryWeights[i].first == category; ++i)
            weight += m_categoryWeights[i].second;
        if (weight > bestWeight) {
            bestWeight = weight;
            cluster.dominantCategory = category;
        }
    }
    return cluster;
}

} // namespace vantage
