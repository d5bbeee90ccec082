#pragma once

#include "feed/ReplayIndexer.h"

#include <QByteArray>
#include <QJsonObject>
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

    QJsonObject toJson() const;
    static LogMeasurement fromJson(const QJsonObject &object);
    QByteArray toJsonLine() const;
    // The last non-empty line of a child's output; error set when there is none to read.
    static LogMeasurement fromOutput(const QByteArray &output);
};

// The last non-empty line of a child's output as a JSON object; empty when it is none.
QJsonObject lastJsonLine(const QByteArray &output);

// The floor: the file read in 1 MiB chunks, newlines counted with memchr.
LogMeasurement countLines(const QString &path);
// The replay index, as ReplayIndexJob builds it (without its progress and partial callbacks).
LogMeasurement indexLog(const QString &path);
// The index with the gauges' history read alongside, as a live session reads its journal
// (models/GaugeArchiveBuilder; ReplayIndexJob without its callbacks).
LogMeasurement historyLog(const QString &path);
// What an indexer's run() gave, in workS: the index's counts, or the error.
LogMeasurement indexMeasurement(const ReplayIndexer &indexer, ReplayIndexer::Outcome outcome, double workS);

} // namespace vantage
