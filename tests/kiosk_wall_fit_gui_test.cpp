#include "app/SessionController.h"
#include "app/SourceFactory.h"
#include "app/WallDisplay.h"
#include "feed/ReplayOptions.h"
#include "models/ActivityFeedModel.h"
#include "models/DashboardModels.h"
#include "ui/KioskController.h"
#include "ui/MainWindow.h"
#include "widgets/TextOverflow.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

QString demoLog()
{
    return QStringLiteral(VANTAGE_BIN_DIR) + QStringLiteral("/../share/vantage/demo.ndjson");
}

// The bundled demo played to its end, as a wall shows it: every page at the wall's size with its
// large type must show all its chrome and numbers (widgets report what they cut, TextOverflow).
void checkWall(QSize size)
{
    ASSERT_TRUE(QFileInfo::exists(demoLog()));
    DashboardModels models;
    MainWindow session(&models);
    SessionController controller(&models, &session);
    ReplayOptions replay;
    replay.path = demoLog();
    replay.speed = 0;
    controller.start(makeReplay(replay));
    ASSERT_TRUE(QTest::qWaitFor([&] { return models.connectionStatus().state == ConnectionState::Finished; }, 60'000));
    ASSERT_GT(models.feed()->rowCount(), 100);

    MainWindow wall(&models);
    wall.setKioskMode(true);
    wall.setTypeScale(WallDisplay::autoTypeScale(size.height()));
    wall.setWindowState(Qt::WindowNoState);
    wall.resize(size);
    wall.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&wall));
    ASSERT_EQ(wall.size(), size);
    for (const MainWindow::Page page : KioskController::allPages()) {
        wall.showPage(page);
        // What a screenshot sees once the layout has settled, as a screen's next frame would: a
        // label whose text just grew is laid out before it is painted. Each widget reports what
        // its paint had to cut.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        const QImage shot = wall.grab().toImage();
        ASSERT_FALSE(shot.isNull());
        const QStringList cut = TextOverflow::reportedBy(&wall);
        EXPECT_TRUE(cut.isEmpty()) << size.width() << "x" << size.height() << " page " << int(page) << ": "
                                   << cut.join(QStringLiteral(" | ")).toStdString();
        const QString shots = qEnvironmentVariable("VANTAGE_UI_SHOTS");
        if (!shots.isEmpty())
            shot.save(QDir(shots).filePath(QStringLiteral("wall-%1x%2-page%3.png").arg(size.width()).arg(size.height()).arg(int(page))));
    }
}

} // namespace

TEST(KioskWallFitGui, AFullHdWallCutsNoText)
{
    checkWall(QSize(1920, 1080));
}

TEST(KioskWallFitGui, AnUltraHdWallCutsNoText)
{
    checkWall(QSize(3840, 2160));
}
