#pragma once

#include "ReplayBenchRun.h"
#include "SeekBenchRun.h"

#include <QString>
#include <QTextStream>

#include <vector>

namespace vantage {

// The seek runs, over the repetitions: (d) the index with seek points and (e) the seeks. Seek
// times and frames are pooled over every seek of every usable run.
struct SeekSummary
{
    BenchRun index;          // (d), medians
    double indexRatio = -1;  // (d) over the line count of the same repetition, median
    qsizetype indexRuns = 0; // usable (d)
    qint64 seekPoints = -1;  // medians of the runs (the same on every run)
    qint64 bytesKept = -1;
    qint64 everyFrames = -1;
    qsizetype seekRuns = 0; // usable (e)
    qsizetype seeks = 0;    // pooled
    double medianMs = -1;
    double maxMs = -1;
    double firstHalfMs = -1;  // median of the seeks to the first half of the log's span
    double secondHalfMs = -1; // and to the second
    double framesMedian = -1; // frames delivered per seek
    qint64 framesMin = -1;
    qint64 framesMax = -1;
    double rssMb = -1; // the runs' peak RSS after every seek, median

    bool measured() const { return indexRatio >= 0 && seeks > 0; }
};

SeekSummary summarizeSeeks(const std::vector<SeekRun> &runs, const std::vector<BenchRun> &lineCount);

// A repetition's (d) row and (e) line.
void printSeekRun(QTextStream &out, int repetition, const SeekRun &run);
// The (d) and (e) rows of the medians table.
QString seekRows(const SeekSummary &summary);
// Every target, by its position in the log: where the seek resumed, what it read, its times.
void printSeekTargets(QTextStream &out, const std::vector<SeekRun> &runs);
// The "replay_e2e:" lines of the seeks.
QString seekSummaryLines(const SeekSummary &summary, double fileMb);
// The seek fields of the machine-readable summary line, each after a space.
QString seekSummaryFields(const SeekSummary &summary);

} // namespace vantage
