#include "models/AlertTooltip.h"

#include <QDateTime>
#include <QStringList>
#include <QTextDocument>

namespace vantage {

namespace {

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODate);
}

} // namespace

QString alertTooltip(const AlertRow &row)
{
    const AlertInfo &a = row.info;
    QStringList lines{QString(severityName(a.severity)).toUpper() +
                          (a.local ? QStringLiteral(" (local rule)") : QString()),
                      a.message, QStringLiteral("Affected users: ") + QString::number(a.affectedUsers),
                      QStringLiteral("Raised: ") + timeText(row.raisedAtMs)};
    if (row.ack) {
        QString acked = QStringLiteral("Acknowledged by %1 at %2").arg(row.ack->by, timeText(row.ack->atMs));
        acked += row.ack->shared ? QStringLiteral(" (shared)") : QStringLiteral(" (this window only)");
        lines.append(acked);
        if (!row.ack->comment.isEmpty())
            lines.append(QStringLiteral("Comment: ") + row.ack->comment);
    }
    if (row.silencedUntilMs > 0 && row.resolvedAtMs == 0)
        lines.append(QStringLiteral("Silenced until ") + timeText(row.silencedUntilMs));
    if (row.resolvedAtMs > 0) {
        QString resolved = QStringLiteral("Resolved: ") + timeText(row.resolvedAtMs);
        if (!row.reason.isEmpty())
            resolved += QStringLiteral(" (") + row.reason + QLatin1Char(')');
        lines.append(resolved);
    }
    lines.append(QStringLiteral("Id: ") + a.id);
    return Qt::convertFromPlainText(lines.join(QLatin1Char('\n')), Qt::WhiteSpaceNormal);
}

} // namespace vantage
