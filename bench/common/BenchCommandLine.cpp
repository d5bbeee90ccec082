#include "BenchCommandLine.h"

#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace vantage {

std::optional<QSize> parseBenchSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return QSize(match.captured(1).toInt(), match.captured(2).toInt());
}

QString readPaintTurns(const QCommandLineParser &parser, const PaintTurnOptions &options, int *repetitions,
                       int *frames)
{
    bool repetitionsOk = false;
    bool framesOk = false;
    *repetitions = parser.value(options.repetitions).toInt(&repetitionsOk);
    *frames = parser.value(options.frames).toInt(&framesOk);
    if (!repetitionsOk || *repetitions < 1 || *repetitions > 1000 || !framesOk || *frames < 1 ||
        *frames > 10000)
        return QStringLiteral("--repetitions must be between 1 and 1000, --frames between 1 and 10000");
    return QString();
}

void useOffscreenAtFixedDpi()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("QT_FONT_DPI"))
        qputenv("QT_FONT_DPI", "96");
}

int printCommandLineMessage(const QString &message, int exitCode)
{
    QTextStream(exitCode == 0 ? stdout : stderr) << message << Qt::endl;
    return exitCode;
}

} // namespace vantage
