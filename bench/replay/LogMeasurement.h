#pragma once

#include <QByteArray>
#include <QString>

namespace vantage {

// One pass over a log, timed where it runs: in a child of the driver (--measure), which prints
// it as one JSON line for the driver to read back.
struct LogMeasurement
{
    double workS = 0;   // from opening the file to the last byte, on a monotonic clock
    qint64 lines = 0;   // '\n' counted, or the lines the index read
    qint64 bytes = 0;   // bytes read, or the content bytes indexed
    qint64 frames = -1; // the index only, here and below
    qint64 badLines = -1;
    qint64 checkpoints = -1;
    qint64 alertMarkers = -1;
    QString error; // non-empty: no measurement, and why

    QByteArray toJsonLine() const;
    // The last non-empty line of a child's output; error set when there is none to read.
    static LogMeasurement fromOutput(const QByteArray &output);
};

// The floor: the file read in 1 MiB chunks, newlines counted with memchr.
LogMeasurement countLines(const QString &path);
// The replay index, as ReplayIndexJob builds it (without its progress and partial callbacks).
LogMeasurement indexLog(const QString &path);

} // namespace vantage
