#pragma once

#include "app/AppOptions.h"

class QSettings;

namespace vantage {

// Without a source on the command line, the window reopens the last stream the operator used;
// with a --url it remembers that one, unless its query carries a credential.
AppOptions withSavedConnection(AppOptions options, QSettings &settings);

} // namespace vantage
