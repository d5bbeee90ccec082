#include "app/MapDataPreload.h"

#include "models/CityTable.h"
#include "widgets/BasemapLayer.h"
#include "widgets/WorkerPool.h"

#include <QThreadPool>

namespace vantage {

void preloadMapData()
{
    // Function-local statics: a second thread asking for them meanwhile waits for this one.
    workerPool()->start([] {
        BasemapLayer::preparePaths();
        CityTable::bundled();
    });
}

} // namespace vantage
