#pragma once

#include "app/AppOptions.h"
#include "feed/JournalOptions.h"
#include "feed/LiveJournal.h"

#include <QUrl>

#include <memory>
#include <optional>

namespace vantage {

// The live journal the options ask for (docs/journal.md): in the window, by default, in the app's
// data folder; headless only with --journal-dir; never with --journal-hours 0.
std::optional<JournalOptions> journalOptions(const AppOptions &options, bool window);

// A journal of the live stream from `origin` (written redacted in each segment's header), not yet
// opened (the pipeline opens it when it starts).
std::unique_ptr<LiveJournal> makeJournal(const JournalOptions &options, const QUrl &origin);

} // namespace vantage
