#pragma once

#include <QString>
#include <QUrl>

namespace vantage {

// The version a recording's header line declares (docs/recording.md); readers refuse others.
inline constexpr qint64 kRecordingFormatVersion = 1;

// What a recording's first line says about it.
struct RecordingHeader
{
    // The live URL, or the replayed file as a local-file URL. A network URL is written through
    // redactUrl, so user info and token values never reach the file.
    QUrl source;
    QString app;          // "vantage 0.1.0"
    qint64 startedMs = 0; // ms since the epoch, written as RFC 3339 UTC
};

} // namespace vantage
