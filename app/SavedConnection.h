#pragma once

#include "app/AppOptions.h"

class QSettings;

namespace vantage {

// Without a source on the command line, the window reopens the last stream the operator used
// (--url and --sse-url) with the same token source (the --token-file path or the
// --token-keychain entry name, never the token). A live source given on the command line is
// remembered, unless a URL's query carries a credential.
AppOptions withSavedConnection(AppOptions options, QSettings &settings);

} // namespace vantage
