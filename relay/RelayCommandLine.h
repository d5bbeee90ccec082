#pragma once

#include "relay/LogFeederOptions.h"
#include "relay/RelayOptions.h"

#include <QStringList>

#include <optional>

namespace vantage {

struct RelayRunOptions
{
    RelayOptions relay;
    LogFeederOptions feed; // feed.path empty: publish nothing (unless demo)
    bool demo = false;     // feed the bundled demo log (looped)
    double durationS = 0;  // stop after this long; 0: run until a signal
};

struct RelayCommandLineResult
{
    std::optional<RelayRunOptions> options; // empty when the program should exit
    QString message;                        // help/version text or the error, for the user
    int exitCode = 0;                       // when options is empty: 0 for help/version, 2 for a bad argument
};

// Parses argv (including the program name) of vantage-relay; docs/relay.md lists the options.
RelayCommandLineResult parseRelayCommandLine(const QStringList &arguments);

// The bundled demo log: share/vantage/demo.ndjson beside the binary's bin/ directory, else
// in the standard data locations; empty when there is none.
QString findRelayDemoLog();

} // namespace vantage
