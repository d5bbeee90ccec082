#pragma once

#include <QString>

namespace vantage {

// `vantage --store-token NAME`: reads one token line from standard input (without echo on a
// terminal), checks it, stores it in the OS keychain as NAME and reports the outcome.
// Returns the exit code.
int runStoreToken(const QString &entry);

} // namespace vantage
