#pragma once

#include <QString>

#include <vector>

namespace vantage {

// One file of the live journal: a gzip recording (docs/recording.md) of the frames received from
// its start until the next segment's start.
struct JournalSegment
{
    QString path;
    qint64 startMs = 0; // receive time of its first frame, from its name
    qint64 bytes = 0;   // on disk
};

// The journal's segments in `dir`, oldest first; other files are ignored.
std::vector<JournalSegment> listJournalSegments(const QString &dir);
// The file name of a segment starting at `startMs`: "segment-<13-digit ms>.ndjson.gz".
QString journalSegmentName(qint64 startMs);

} // namespace vantage
