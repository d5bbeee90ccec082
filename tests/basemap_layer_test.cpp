#include "widgets/BasemapLayer.h"
#include "widgets/WorkerPool.h"

#include <QImage>
#include <QSemaphore>
#include <QThreadPool>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

QImage imageOf(BasemapLayer &layer, const MapViewport &viewport)
{
    return layer.pixmap(viewport, 1.0).toImage().convertToFormat(QImage::Format_RGB32);
}

QImage drawnHere(const Theme &theme, const MapViewport &viewport)
{
    BasemapLayer layer;
    layer.setTheme(theme);
    return imageOf(layer, viewport);
}

// Occupies every thread of the worker pool until released, so that a job handed to it waits.
class BusyPool
{
public:
    BusyPool()
    {
        for (int i = 0; i < workerPool()->maxThreadCount(); ++i) {
            workerPool()->start([this] {
                m_started.release();
                m_release.acquire();
            });
        }
        m_started.acquire(workerPool()->maxThreadCount());
    }
    ~BusyPool()
    {
        m_release.release(workerPool()->maxThreadCount());
        workerPool()->waitForDone();
    }

private:
    QSemaphore m_started;
    QSemaphore m_release;
};

} // namespace

TEST(BasemapLayer, APreparedLayerIsTheOneDrawnOnTheGuiThread)
{
    const MapViewport viewport(QSizeF(480, 260));
    BasemapLayer layer;
    layer.setTheme(Theme::dark());
    layer.prepare(viewport, 1.0);
    workerPool()->waitForDone();

    const QImage prepared = imageOf(layer, viewport);
    EXPECT_EQ(layer.preparedRenders(), 1);
    EXPECT_EQ(layer.renders(), 1);
    EXPECT_EQ(prepared, drawnHere(Theme::dark(), viewport));
    EXPECT_NE(prepared, drawnHere(Theme::light(), viewport));

    // The view it has is kept: neither prepared nor drawn again.
    layer.prepare(viewport, 1.0);
    imageOf(layer, viewport);
    EXPECT_EQ(layer.renders(), 1);
}

TEST(BasemapLayer, ALayerPreparedForAnotherViewOrThemeIsNotShown)
{
    BasemapLayer layer;
    layer.prepare(MapViewport(QSizeF(480, 260)), 1.0);
    workerPool()->waitForDone();
    const MapViewport larger(QSizeF(640, 360));
    EXPECT_EQ(imageOf(layer, larger).size(), QSize(640, 360));
    EXPECT_EQ(layer.preparedRenders(), 0);

    const MapViewport viewport(QSizeF(480, 260));
    layer.prepare(viewport, 1.0);
    workerPool()->waitForDone();
    layer.setTheme(Theme::light());
    EXPECT_EQ(imageOf(layer, viewport), drawnHere(Theme::light(), viewport));
    EXPECT_EQ(layer.preparedRenders(), 0);
    EXPECT_EQ(layer.renders(), 2);
}

TEST(BasemapLayer, AJobThePoolHasNotStartedIsDrawnOnTheGuiThreadWithoutWaiting)
{
    const MapViewport viewport(QSizeF(480, 260));
    BasemapLayer layer;
    {
        BusyPool busy;
        layer.prepare(viewport, 1.0);
        // Were it waiting for the pool, this would never return while the pool is held.
        EXPECT_EQ(imageOf(layer, viewport), drawnHere(Theme::dark(), viewport));
        EXPECT_EQ(layer.preparedRenders(), 0);
    }
    EXPECT_EQ(layer.renders(), 1);
}
