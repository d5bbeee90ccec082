#pragma once

#include "app/AppOptions.h"
#include "feed/FrameSource.h"

#include <memory>

namespace vantage {

struct SourceChoice
{
    std::unique_ptr<FrameSource> source; // empty on error
    QString label;                        // what to show and report: a redacted URL or a file path
    bool demo = false;
    QString error;                        // plain text, never a credential
};

// Where the bundled demo log is: next to the binary in a build tree (../share/vantage)
// or in the installed data directory. Empty when it cannot be found.
QString findDemoLog();

// Builds the source the options ask for; with no source option, the demo.
SourceChoice makeSource(const AppOptions &options);

} // namespace vantage
