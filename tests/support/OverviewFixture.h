#pragma once

#include "models/DashboardModels.h"
#include "ui/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <gtest/gtest.h>

namespace vantage::test {

// The overview window on its own models, shown offscreen, with every item model it
// displays under QAbstractItemModelTester.
struct OverviewFixture
{
    DashboardModels models;
    QAbstractItemModelTester feedTester{models.feed(), QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester filteredTester{models.filteredFeed(),
                                            QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester alertTester{models.alerts(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal};
    MainWindow window{&models};

    explicit OverviewFixture(QSize size = QSize(1280, 800))
    {
        window.resize(size);
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
    }

    // Applies a batch that carries only `stats`, as the pipeline hands them over.
    void applyStats(const FeedStats &stats)
    {
        FeedBatch batch;
        batch.stats = stats;
        models.applyBatch(batch);
    }
};

} // namespace vantage::test
