#include "app/StatsReport.h"

#include "app/FeedSession.h"
#include "app/RssMilestones.h"

#include "feed/Rfc3339.h"
#include "models/DashboardModels.h"

#include <QJsonArray>

namespace vantage {

namespace {

QJsonObject countsObject(const QHash<QString, quint64> &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), qint64(it.value()));
    return object;
}

QString timeText(qint64 ms)
{
    return QString::fromLatin1(formatRfc3339Ms(ms));
}

QJsonArray historyArray(const std::vector<ConnectionStatus> &history)
{
    QJsonArray array;
    for (const ConnectionStatus &status : history) {
        QJsonObject entry{{QStringLiteral("state"), QString(connectionStateName(status.state))},
                          {QStringLiteral("transport"), status.transport},
                          {QStringLiteral("at"), timeText(status.sinceMs)}};
        if (!status.reason.isEmpty())
            entry.insert(QStringLiteral("reason"), status.reason);
        if (status.attempt > 0)
            entry.insert(QStringLiteral("attempt"), status.attempt);
        array.append(entry);
    }
    return array;
}

QJsonObject countersObject(const TodayCounters &counters)
{
    QJsonObject object;
    for (Counter counter :
         {Counter::Signups, Counter::SupplierSignups, Counter::CoupleSignups, Counter::Payments,
          Counter::Revenue, Counter::FormSubmissions, Counter::Invitations, Counter::ActiveUsers})
        object.insert(QLatin1String(counterName(counter)), counters.value(counter));
    return object;
}

QJsonArray openAlertsArray(const AlertModel &alerts)
{
    QJsonArray array;
    for (int row = 0; row < alerts.rowCount(); ++row) {
        const QModelIndex index = alerts.index(row);
        if (!index.data(AlertModel::IsOpenRole).toBool())
            continue;
        array.append(QJsonObject{
            {QStringLiteral("id"), index.data(AlertModel::IdRole).toString()},
            {QStringLiteral("severity"), index.data(AlertModel::SeverityNameRole).toString()},
            {QStringLiteral("message"), index.data(AlertModel::MessageRole).toString()},
            {QStringLiteral("affected_users"), index.data(AlertModel::AffectedUsersRole).toInt()},
            {QStringLiteral("raised_at"), timeText(index.data(AlertModel::RaisedAtRole).toLongLong())}});
    }
    return array;
}

// How the replay went through its file; the error, when the file could not be read to its end.
QJsonObject replayObject(const ReplayStats &replay, const ConnectionStatus &status)
{
    QJsonArray examples;
    for (const ReplaySkippedLine &skipped : replay.skippedExamples)
        examples.append(QJsonObject{{QStringLiteral("line"), skipped.line},
                                    {QStringLiteral("reason"), skipped.reason},
                                    {QStringLiteral("message"), skipped.message}});
    QJsonObject object{{QStringLiteral("file"), replay.file},
                       {QStringLiteral("lines_read"), qint64(replay.linesRead)},
                       {QStringLiteral("events_replayed"), qint64(replay.eventsReplayed)},
                       {QStringLiteral("skipped_lines"), qint64(replay.skippedLines)},
                       {QStringLiteral("skipped_by_reason"), countsObject(replay.skippedByReason)},
                       {QStringLiteral("skipped_examples"), examples}};
    if (status.state == ConnectionState::Error)
        object.insert(QStringLiteral("error"), status.reason);
    return object;
}

QJsonObject latestMetricsObject(const MetricSeriesStore &series)
{
    QJsonObject object;
    for (const QString &name : series.names())
        object.insert(name, series.latest(name));
    return object;
}

} // namespace

QJsonObject buildStatsReport(const DashboardModels &models, const std::vector<ConnectionStatus> &history,
                             const QString &sourceLabel, double elapsedS)
{
    const FeedStats &stats = models.stats();
    QJsonObject report{
        {QStringLiteral("source"), sourceLabel},
        {QStringLiteral("elapsed_s"), elapsedS},
        {QStringLiteral("frames_received"), qint64(stats.framesReceived)},
        {QStringLiteral("bytes_received"), qint64(stats.bytesReceived)},
        {QStringLiteral("received_total"), qint64(stats.messagesDecoded)},
        {QStringLiteral("by_type"), countsObject(stats.byType)},
        {QStringLiteral("decode_errors"),
         QJsonObject{{QStringLiteral("total"), qint64(stats.decodeErrors)},
                     {QStringLiteral("by_reason"), countsObject(stats.errorsByReason)}}},
        {QStringLiteral("duplicates_dropped"), qint64(stats.duplicatesDropped)},
        {QStringLiteral("gaps"), qint64(stats.gapsDetected)},
        {QStringLiteral("messages_missed"), qint64(stats.messagesMissed)},
        {QStringLiteral("covered_by_snapshot"), qint64(stats.coveredBySnapshot)},
        {QStringLiteral("future_timestamps_clamped"), qint64(stats.futureTimestampsClamped)},
        {QStringLiteral("reconnects"), qint64(stats.reconnects)},
        {QStringLiteral("frames_recorded"), qint64(stats.framesRecorded)},
        {QStringLiteral("connection_history"), historyArray(history)},
        {QStringLiteral("final_counters"), countersObject(*models.counters())},
        {QStringLiteral("open_alerts"), openAlertsArray(*models.alerts())},
        {QStringLiteral("feed_rows"), models.feed()->rowCount()},
        {QStringLiteral("latest_metrics"), latestMetricsObject(*models.series())},
    };
    if (!stats.recordError.isEmpty())
        report.insert(QStringLiteral("record_error"), stats.recordError);
    if (!stats.journalDir.isEmpty()) {
        QJsonObject journal{{QStringLiteral("dir"), stats.journalDir},
                            {QStringLiteral("frames_journaled"), qint64(stats.framesJournaled)}};
        if (!stats.journalError.isEmpty())
            journal.insert(QStringLiteral("error"), stats.journalError);
        report.insert(QStringLiteral("journal"), journal);
    }
    if (!stats.replay.file.isEmpty())
        report.insert(QStringLiteral("replay"), replayObject(stats.replay, models.connectionStatus()));
    return report;
}

QJsonObject durationReport(const DurationHistogram &histogram)
{
    const auto ms = [](qint64 us) { return double(us) / 1000.0; };
    return QJsonObject{{QStringLiteral("count"), qint64(histogram.count())},
                       {QStringLiteral("p50_ms"), ms(histogram.percentileUs(0.5))},
                       {QStringLiteral("p90_ms"), ms(histogram.percentileUs(0.9))},
                       {QStringLiteral("p99_ms"), ms(histogram.percentileUs(0.99))},
                       {QStringLiteral("max_ms"), ms(histogram.maxUs())}};
}

void addRunMeasurements(QJsonObject &report, const FeedSession *session, bool live, const RssMilestones &rss)
{
    report.insert(QStringLiteral("rss_mb_at_frames"), rss.toJson());
    if (live && session)
        report.insert(QStringLiteral("event_latency"), durationReport(session->eventLatency()));
    if (session)
        report.insert(QStringLiteral("heap_trims"),
                      QJsonObject{{QStringLiteral("count"), qint64(session->heapTrim().trims())},
                                  {QStringLiteral("longest_ms"), session->heapTrim().longestTrimMs()}});
}

} // namespace vantage
