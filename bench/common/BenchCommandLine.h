#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace vantage {

// What a driver's command line comes to: the options to run with, or a message to print and an
// exit code.
template <typename Options> struct BenchCommandLine
{
    std::optional<Options> options; // empty: print message, exit with exitCode
    QString message;
    int exitCode = 0;

    // A command line that cannot be run: the message, exit code 2.
    static BenchCommandLine failure(const QString &message) { return {std::nullopt, message, 2}; }
};

// Parses the arguments. Empty when the driver goes on to read its options; otherwise the command
// line to stop with: the parse error, or for --help the help text with exit code 0.
template <typename Options>
std::optional<BenchCommandLine<Options>> parseOrStop(QCommandLineParser &parser, const QStringList &arguments,
                                                     const QCommandLineOption &help)
{
    if (!parser.parse(arguments))
        return BenchCommandLine<Options>::failure(parser.errorText());
    if (parser.isSet(help))
        return BenchCommandLine<Options>{std::nullopt, parser.helpText(), 0};
    return std::nullopt;
}

// --repetitions (turns of every scenario) and --frames (timed per scenario and turn) of the paint
// benchmarks, with their defaults 5 and 20.
struct PaintTurnOptions
{
    QCommandLineOption repetitions{QStringLiteral("repetitions"),
                                   QStringLiteral("Turns of every scenario (default 5)."),
                                   QStringLiteral("N"), QStringLiteral("5")};
    QCommandLineOption frames;

    explicit PaintTurnOptions(const QString &framesHelp)
        : frames(QStringLiteral("frames"), framesHelp + QStringLiteral(" (default 20)."), QStringLiteral("N"),
                 QStringLiteral("20"))
    {}
};

// Reads them from a parsed command line into repetitions and frames. Empty, or the message of a
// value out of range.
QString readPaintTurns(const QCommandLineParser &parser, const PaintTurnOptions &options, int *repetitions,
                       int *frames);

// "1920x1080" as a size; empty when the text is not WIDTHxHEIGHT.
std::optional<QSize> parseBenchSize(const QString &text);

// For the painting benchmarks, before the QApplication: offscreen and at a fixed DPI unless the
// environment says otherwise, so runs and screenshots compare.
void useOffscreenAtFixedDpi();

// Prints the message of a command line that is not run: on stdout for exit code 0 (--help), on
// stderr otherwise. Returns the exit code.
int printCommandLineMessage(const QString &message, int exitCode);

} // namespace vantage
