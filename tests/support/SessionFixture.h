#pragma once

#include "app/FeedSession.h"
#include "app/SessionController.h"
#include "support/OverviewFixture.h"
#include "support/TestFiles.h"

#include <QTemporaryDir>

namespace vantage::test {

// The overview window with the app's session controller on it, as `vantage` runs it, and a
// folder for the logs and recordings a test writes.
struct SessionFixture : OverviewFixture
{
    QTemporaryDir dir;
    SessionController controller{&models, &window};

    // Writes the lines as a log named `name` in the test's folder; its path.
    QString writeLog(const QString &name, const QByteArrayList &lines)
    {
        const QString path = dir.filePath(name);
        EXPECT_TRUE(writeLines(path, lines));
        return path;
    }

    // Starts replaying `path` at `speed` (0: as fast as possible).
    void play(const QString &path, double speed)
    {
        ReplayOptions options;
        options.path = path;
        options.speed = speed;
        controller.start(makeReplay(options));
    }

    // The user names in the feed, newest first.
    QStringList feedNames() const
    {
        QStringList names;
        for (int row = 0; row < models.feed()->rowCount(); ++row)
            names << models.feed()->itemAt(row).event.userName;
        return names;
    }
};

} // namespace vantage::test
