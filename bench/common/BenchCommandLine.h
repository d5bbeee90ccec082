#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace vantage {

// What a driver's command line comes to: the options to run with, or a message to print and an
// exit code.
template<typename Options>
struct BenchCommandLine
{
    std::optional<Options> options; // empty: print message, exit with exitCode
    QString message;
    int exitCode = 0;

    // A command line that cannot be run: the message, exit code 2.
    static BenchCommandLine failure(const QString &message) { return {std::nullopt, message, 2}; }
};

// Parses the arguments. Empty when the driver goes on to read its options; otherwise the command
// line to stop with: the parse error, or for --help the help text with exit code 0.
template<typename Options>
std::optional<BenchCommandLine<Options>> parseOrStop(QCommandLineParser &parser, const QStringList &arguments,
                                                     const QCommandLineOption &help)
{
    if (!parser.parse(arguments))
        return BenchCommandLine<Options>::failure(parser.errorText());
    if (parser.isSet(help))
        return BenchCommandLine<Options>{std::nullopt, parser.helpText(), 0};
    return std::nullopt;
}

// Prints the message of a command line that is not run: on stdout for exit code 0 (--help), on
// stderr otherwise. Returns the exit code.
int printCommandLineMessage(const QString &message, int exitCode);

} // namespace vantage
