#include "app/SourceFactory.h"

#include "feed/ReplaySource.h"
#include "feed/TokenSource.h"
#include "feed/UrlRedaction.h"
#include "feed/WebSocketSource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace vantage {

namespace {
// The demo opens with a quarter of an hour already played, so its charts have history.
constexpr qint64 kDemoPreRollMs = 15 * 60 * 1000;
} // namespace

QString findDemoLog()
{
    const QString relative = QStringLiteral("vantage/demo.ndjson");
    const QString besideBinary = QDir(QCoreApplication::applicationDirPath())
                                     .absoluteFilePath(QStringLiteral("../share/") + relative);
    if (QFileInfo::exists(besideBinary))
        return QDir::cleanPath(besideBinary);
    return QStandardPaths::locate(QStandardPaths::GenericDataLocation, relative);
}

SourceChoice makeSource(const AppOptions &options)
{
    SourceChoice choice;
    if (!options.url.isEmpty()) {
        const TokenResult token = readBearerToken(options.tokenFile);
        if (!token.error.isEmpty()) {
            choice.error = token.error;
            return choice;
        }
        WebSocketOptions ws;
        ws.url = options.url;
        ws.bearerToken = token.token;
        choice.label = redactUrl(options.url);
        choice.source = std::make_unique<WebSocketSource>(ws);
        return choice;
    }
    ReplayOptions replay;
    replay.speed = options.speed;
    replay.loop = options.loop;
    if (!options.replayPath.isEmpty()) {
        replay.path = options.replayPath;
    } else {
        replay.path = findDemoLog();
        if (replay.path.isEmpty()) {
            choice.error = QStringLiteral("the bundled demo log (share/vantage/demo.ndjson) was not found; "
                                          "build the project or pass --replay FILE");
            return choice;
        }
        replay.loop = true;
        replay.rebaseToNow = true;
        replay.preRollMs = kDemoPreRollMs;
        choice.demo = true;
    }
    choice.label = choice.demo ? QStringLiteral("Demo: wedding marketplace, one hour looped") : replay.path;
    choice.source = std::make_unique<ReplaySource>(replay);
    return choice;
}

} // namespace vantage
