#pragma once

#include "app/AppOptions.h"
#include "feed/FrameSource.h"
#include "feed/ReplayOptions.h"

#include <QUrl>

#include <memory>
#include <optional>

namespace vantage {

struct SourceChoice
{
    std::unique_ptr<FrameSource> source; // empty on error
    QString label;                       // what to show and report: a redacted URL or a file path
    bool demo = false;
    QString error;                       // plain text, never a credential
    QUrl origin;                         // what a recording names: the live URL, or the log as a file URL
    std::optional<ReplayOptions> replay; // for a replay (the demo too): how it plays at first
};

// Where the bundled demo log is: next to the binary in a build tree (../share/vantage)
// or in the installed data directory. Empty when it cannot be found.
QString findDemoLog();

// Builds the source the options ask for; with no source option, the demo.
SourceChoice makeSource(const AppOptions &options);

// A replay of options.path, labelled with the path.
SourceChoice makeReplay(const ReplayOptions &options);

} // namespace vantage
