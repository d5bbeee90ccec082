#include "BenchCommandLine.h"

#include <QTextStream>

#include <cstdio>

namespace vantage {

int printCommandLineMessage(const QString &message, int exitCode)
{
    QTextStream(exitCode == 0 ? stdout : stderr) << message << Qt::endl;
    return exitCode;
}

} // namespace vantage
