#pragma once

#include "widgets/MapMarker.h"

#include <QtGlobal>

#include <vector>

namespace vantage {

// Where the generated activity happens.
enum class BenchRegion { World, EuropeAndAmericas };

// Seeded, so every run paints the same map: a few hundred "cities" scattered around the bundled
// countries' centroids, visited by Zipf-like popularity; events of five types spread over the
// last five minutes (about 1 % still pulsing at nowMs) and a fifth of the markers active users'
// sessions with a few users each.
std::vector<MapMarker> benchMarkers(int count, BenchRegion region, qint64 nowMs, quint32 seed = 20260613);

} // namespace vantage
