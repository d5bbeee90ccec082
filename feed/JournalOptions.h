#pragma once

#include <QString>

namespace vantage {

// Where and how much of the live stream the journal keeps (docs/journal.md).
struct JournalOptions
{
    QString dir;                                // the segments' folder, made when missing
    qint64 retentionMs = 14LL * 24 * 60 * 60 * 1000; // segments wholly older than this are deleted
    qint64 maxBytes = 2LL << 30;                // past this, the oldest segments are deleted
    qint64 segmentMs = 10LL * 60 * 1000;        // a new segment this often (of receive time)
};

} // namespace vantage
