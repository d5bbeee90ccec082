#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace vantage {

// Where a stream left off: the epoch and the last sequence number applied. A client resumes
// with ?since=SEQ&epoch=E (WebSocket) or Last-Event-ID: E:SEQ (SSE); docs/protocol.md "Resume".
struct ResumePoint
{
    QString epoch;
    qint64 seq = -1;

    bool isValid() const { return !epoch.isEmpty() && seq >= 0; }
    friend bool operator==(const ResumePoint &, const ResumePoint &) = default;

    // "E:SEQ", the SSE event id of the message with this epoch and seq.
    QByteArray toEventId() const;
    // Parses "E:SEQ" (the epoch may itself hold colons: the last one separates); nullopt otherwise.
    static std::optional<ResumePoint> fromEventId(QByteArrayView id);
    // The URL with since and epoch set in its query (replacing any earlier ones).
    QUrl addedTo(const QUrl &url) const;
    // since and epoch read back from a query; nullopt when either is missing or malformed.
    static std::optional<ResumePoint> fromQuery(const QUrl &url);
};

// Asked by a source when it (re)connects: the point the pipeline has applied so far.
using ResumeFn = std::function<ResumePoint()>;

} // namespace vantage
