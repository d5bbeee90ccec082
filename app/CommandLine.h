#pragma once

#include "app/AppOptions.h"

#include <QStringList>

#include <optional>

namespace vantage {

struct CommandLineResult
{
    std::optional<AppOptions> options; // empty when the program should exit
    QString message;                   // help/version text or the error, for the user
    int exitCode = 0;                  // when options is empty
};

// Parses argv (including the program name) with QCommandLineParser. --help documents every option.
CommandLineResult parseCommandLine(const QStringList &arguments);

} // namespace vantage
