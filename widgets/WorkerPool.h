#pragma once

class QThreadPool;

namespace vantage {

// The pool for the application's own jobs of several milliseconds (the map data, the basemap).
// Not QThreadPool::globalInstance(): Qt's raster engine splits a large fill into jobs on the
// global pool and waits for them while it paints (qdrawhelper's parallel fills), so a long job
// of ours there held the GUI thread's paint up (docs/performance.md, "Startup"). A child of the
// application, which waits for its jobs when it ends; there must be one.
QThreadPool *workerPool();

} // namespace vantage
