#include "feed/JournalSegment.h"

#include <QDir>
#include <QRegularExpression>

#include <algorithm>

namespace vantage {

std::vector<JournalSegment> listJournalSegments(const QString &dir)
{
    static const QRegularExpression name(QStringLiteral("^segment-(\\d{13})\\.ndjson\\.gz$"));
    std::vector<JournalSegment> segments;
    const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("segment-*.ndjson.gz")}, QDir::Files);
    for (const QFileInfo &file : files) {
        const QRegularExpressionMatch match = name.match(file.fileName());
        if (match.hasMatch())
            segments.push_back({file.absoluteFilePath(), match.captured(1).toLongLong(), file.size()});
    }
    std::sort(segments.begin(), segments.end(),
              [](const JournalSegment &a, const JournalSegment &b) { return a.startMs < b.startMs; });
    return segments;
}

QString journalSegmentName(qint64 startMs)
{
    return QStringLiteral("segment-%1.ndjson.gz").arg(startMs, 13, 10, QLatin1Char('0'));
}

} // namespace vantage
