#include "widgets/WorkerPool.h"

#include <QImage>
#include <QPainter>
#include <QSemaphore>
#include <QThreadPool>

#include <gtest/gtest.h>

#include <chrono>
#include <future>

// widgets/WorkerPool: the application's long jobs do not hold up Qt's own use of the global
// pool. The raster engine hands parts of its fills to jobs there and waits for them, so with
// our jobs on the global pool a paint waited for the basemap and the map data to finish.

using vantage::workerPool;

TEST(WorkerPool, ATranslucentFillIsNotHeldUpByJobsOccupyingEveryWorker)
{
    ASSERT_NE(workerPool(), QThreadPool::globalInstance());
    const int workers = workerPool()->maxThreadCount();
    QSemaphore started;
    QSemaphore release;
    for (int i = 0; i < workers; ++i) {
        workerPool()->start([&] {
            started.release();
            release.acquire();
        });
    }
    started.acquire(workers);

    // What a window's first paint does: translucent panels, which the raster engine blends on
    // the global pool (Qt 6.4 does, even for a badge-sized rounded rectangle).
    std::future<QRgb> painted = std::async(std::launch::async, [] {
        QImage image(1280, 800, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(20, 120, 200, 128));
        painter.drawRoundedRect(QRectF(100.5, 100.5, 150, 24), 12, 12);
        painter.end();
        return image.pixel(175, 112);
    });
    const bool finished = painted.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
    release.release(workers);
    workerPool()->waitForDone();
    ASSERT_TRUE(finished) << "the fill waited for the worker pool's jobs";
    EXPECT_EQ(qAlpha(painted.get()), 128);
}
