#include "app/SourceFactory.h"

#include "app/KeychainToken.h"
#include "feed/FailoverSource.h"
#include "feed/ReplaySource.h"
#include "feed/SnapshotPollSource.h"
#include "feed/SseSource.h"
#include "feed/TokenSource.h"
#include "feed/TransportUrls.h"
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
// A wall never gives up: an error that retrying does not fix by itself (a refusal, a bad token)
// is tried again this often, in case someone fixed it at the server's end.
constexpr int kKioskErrorRetryMs = 30'000;

// The live chain, best transport first: WebSocket, SSE, then polling the SSE endpoint's JSON
// snapshot. Without fallback only the first configured transport; a chain of one is that source.
std::unique_ptr<FrameSource> makeLiveSource(const AppOptions &options, const QByteArray &token)
{
    const TlsOptions tls{options.caFile};
    const int errorRetryMs = options.kiosk ? kKioskErrorRetryMs : 0;
    const QUrl sseUrl = !options.sseUrl.isEmpty() ? options.sseUrl : sseUrlFor(options.url);
    std::vector<std::unique_ptr<FrameSource>> transports;
    if (!options.url.isEmpty()) {
        WebSocketOptions ws;
        ws.url = options.url;
        ws.bearerToken = token;
        ws.tls = tls;
        ws.reconnect.errorRetryMs = errorRetryMs;
        transports.push_back(std::make_unique<WebSocketSource>(ws));
    }
    if (transports.empty() || options.fallback) {
        SseOptions sse;
        sse.url = sseUrl;
        sse.bearerToken = token;
        sse.tls = tls;
        sse.reconnect.errorRetryMs = errorRetryMs;
        transports.push_back(std::make_unique<SseSource>(sse));
    }
    if (options.fallback) {
        PollOptions poll;
        poll.url = sseUrl;
        poll.bearerToken = token;
        poll.tls = tls;
        poll.reconnect.errorRetryMs = errorRetryMs;
        poll.intervalMs = int(options.pollIntervalS * 1000.0);
        transports.push_back(std::make_unique<SnapshotPollSource>(poll));
    }
    if (transports.size() == 1)
        return std::move(transports.front());
    return std::make_unique<FailoverSource>(std::move(transports), FailoverOptions{});
}

} // namespace

QString findDemoLog()
{
    const QString relative = QStringLiteral("vantage/demo.ndjson");
    const QString besideBinary =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/") + relative);
    if (QFileInfo::exists(besideBinary))
        return QDir::cleanPath(besideBinary);
    return QStandardPaths::locate(QStandardPaths::GenericDataLocation, relative);
}

SourceChoice makeSource(const AppOptions &options)
{
    SourceChoice choice;
    if (!options.url.isEmpty() || !options.sseUrl.isEmpty()) {
        const TokenResult token = options.tokenKeychainEntry.isEmpty()
                                      ? readBearerToken(options.tokenFile)
                                      : readKeychainToken(options.tokenKeychainEntry);
        if (!token.error.isEmpty()) {
            choice.error = token.error;
            return choice;
        }
        choice.origin = !options.url.isEmpty() ? options.url : options.sseUrl;
        choice.label = redactUrl(choice.origin);
        choice.source = makeLiveSource(options, token.token);
        return choice;
    }
    ReplayOptions replay;
    replay.speed = options.speed;
    replay.loop = options.loop;
    if (!options.replayPath.isEmpty()) {
        replay.path = options.replayPath;
        return makeReplay(replay);
    }
    replay.path = findDemoLog();
    if (replay.path.isEmpty()) {
        choice.error = QStringLiteral("the bundled demo log (share/vantage/demo.ndjson) was not found; "
                                      "build the project or pass --replay FILE");
        return choice;
    }
    replay.loop = true;
    replay.rebaseToNow = true;
    replay.preRollMs = kDemoPreRollMs;
    choice = makeReplay(replay);
    choice.demo = true;
    choice.label = QStringLiteral("Demo: wedding marketplace, one hour looped");
    return choice;
}

SourceChoice makeReplay(const ReplayOptions &options)
{
    SourceChoice choice;
    choice.label = options.path;
    choice.origin = QUrl::fromLocalFile(options.path);
    choice.replay = options;
    choice.source = std::make_unique<ReplaySource>(options);
    return choice;
}

} // namespace vantage
