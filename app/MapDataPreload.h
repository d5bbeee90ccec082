#pragma once

namespace vantage {

// Starts parsing the bundled country shapes and cities, and projecting the basemap, on the
// worker pool (widgets/WorkerPool.h): about 15 ms that the window's construction overlaps instead of waiting for
// (docs/performance.md, "Startup"). Whoever needs them first waits for what is left; the
// application waits for the pool when it ends.
void preloadMapData();

} // namespace vantage
