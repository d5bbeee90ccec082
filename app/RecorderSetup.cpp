#include "app/RecorderSetup.h"

#include "app/SourceFactory.h"
#include "feed/Clock.h"

namespace vantage {

namespace {

// The source makeSource() picks for the same options.
QUrl recordedSource(const AppOptions &options)
{
    if (!options.url.isEmpty())
        return options.url;
    if (!options.sseUrl.isEmpty())
        return options.sseUrl;
    return QUrl::fromLocalFile(!options.replayPath.isEmpty() ? options.replayPath : findDemoLog());
}

} // namespace

std::unique_ptr<FrameRecorder> makeRecorder(const AppOptions &options)
{
    if (options.recordPath.isEmpty())
        return nullptr;
    return std::make_unique<FrameRecorder>(options.recordPath, recordingHeader(recordedSource(options)));
}

RecordingHeader recordingHeader(const QUrl &source)
{
    RecordingHeader header;
    header.source = source;
    header.app = QStringLiteral("vantage " VANTAGE_VERSION);
    header.startedMs = systemNowMs();
    return header;
}

} // namespace vantage
