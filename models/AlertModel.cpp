#include "models/AlertModel.h"

#include "models/AlertTooltip.h"
#include "models/ModelLogging.h"

#include <QSet>

#include <algorithm>
#include <limits>

namespace vantage {

namespace {

// Open alerts: critical first, then the oldest first.
template <typename Row> bool sortsBefore(const Row &a, const Row &b)
{
    if (a.info.severity != b.info.severity)
        return a.info.severity > b.info.severity;
    return a.raisedAtMs < b.raisedAtMs;
}

bool isUnhandledCritical(const AlertRow &row)
{
    return row.info.severity == Severity::Critical && !row.ack && row.silencedUntilMs == 0;
}

// The alert to drop first when too many are open: the least severe, then the oldest.
template <typename Row> bool dropsBefore(const Row &a, const Row &b)
{
    if (a.info.severity != b.info.severity)
        return a.info.severity < b.info.severity;
    return a.raisedAtMs < b.raisedAtMs;
}

} // namespace

AlertModel::AlertModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_open.size() + m_resolved.size());
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rowAt(index.row());
    const AlertInfo &a = row.info;
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole: return a.message;
    case Qt::ToolTipRole: return alertTooltip(row);
    case IdRole: return a.id;
    case SeverityRole: return static_cast<int>(a.severity);
    case SeverityNameRole: return QString(severityName(a.severity));
    case AffectedUsersRole: return a.affectedUsers;
    case RaisedAtRole: return row.raisedAtMs;
    case ResolvedAtRole: return row.resolvedAtMs;
    case IsOpenRole: return row.resolvedAtMs == 0;
    case ResolveReasonRole: return row.reason;
    case AutoResolveRole: return a.autoResolve;
    case IsLocalRole: return a.local;
    case UpdatedAtRole: return row.updatedAtMs;
    case AckByRole: return row.ack ? row.ack->by : QString();
    case AckAtRole: return row.ack ? row.ack->atMs : qint64(0);
    case AckCommentRole: return row.ack ? row.ack->comment : QString();
    case AckSharedRole: return row.ack && row.ack->shared;
    case SilencedUntilRole: return row.silencedUntilMs;
    default: return {};
    }
}

QHash<int, QByteArray> AlertModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "alertId");
    names.insert(SeverityRole, "severity");
    names.insert(SeverityNameRole, "severityName");
    names.insert(MessageRole, "message");
    names.insert(AffectedUsersRole, "affectedUsers");
    names.insert(RaisedAtRole, "raisedAt");
    names.insert(ResolvedAtRole, "resolvedAt");
    names.insert(IsOpenRole, "isOpen");
    names.insert(ResolveReasonRole, "resolveReason");
    names.insert(AutoResolveRole, "autoResolve");
    names.insert(IsLocalRole, "isLocal");
    names.insert(UpdatedAtRole, "updatedAt");
    names.insert(AckByRole, "ackBy");
    names.insert(AckAtRole, "ackAt");
    names.insert(AckCommentRole, "ackComment");
    names.insert(AckSharedRole, "ackShared");
    names.insert(SilencedUntilRole, "silencedUntil");
    return names;
}

void AlertModel::applyAlerts(qint64 tsMs, const std::vector<AlertInfo> &raised)
{
    for (const AlertInfo &alert : raised)
        raise(tsMs, alert);
}

void AlertModel::applyResolved(qint64 tsMs, const std::vector<AlertResolvedInfo> &resolved)
{
    for (const AlertResolvedInfo &r : resolved) {
        const int row = findOpen(r.id);
        if (row < 0) {
            qCDebug(lcModels) << "resolution for an alert that is not open:" << r.id;
            continue;
        }
        resolve(tsMs, row, r.reason);
    }
}

void AlertModel::replaceOpen(qint64 tsMs, const std::vector<AlertInfo> &open)
{
    QSet<QString> keep;
    for (const AlertInfo &alert : open)
        keep.insert(alert.id);
    // The server knows nothing of the client's own rule alerts: their rules resolve them.
    for (int row = static_cast<int>(m_open.size()) - 1; row >= 0; --row) {
        const Row &r = m_open[static_cast<size_t>(row)];
        if (!r.info.local && !keep.contains(r.info.id))
            resolve(tsMs, row, QStringLiteral("no longer open in the snapshot"));
    }
    for (const AlertInfo &alert : open) {
        // A snapshot still listing an alert the client auto-resolved does not reopen it (servers
        // that rely on autoResolve never resolve it), nor does its listing count as an update.
        const int resolvedRow = findResolved(alert.id);
        if (resolvedRow >= 0 && m_resolved[static_cast<size_t>(resolvedRow)].autoResolved)
            continue;
        if (findOpen(alert.id) >= 0 && alert.autoResolve)
            continue;
        raise(tsMs, alert);
    }
}

void AlertModel::clear()
{
    beginResetModel();
    m_open.clear();
    m_resolved.clear();
    m_droppedOpen = 0;
    m_acts.clear();
    m_nextDeadlineMs.reset();
    endResetModel();
}

bool AlertModel::acknowledge(const QString &id, const AlertAck &ack)
{
    const int row = findOpen(id);
    if (row < 0)
        return false;
    m_acts[id].ack = ack;
    m_open[static_cast<size_t>(row)].ack = ack;
    rowChanged(row);
    return true;
}

void AlertModel::applyAck(qint64 tsMs, const AlertAckInfo &ack)
{
    int row = findOpen(ack.id);
    if (row < 0) {
        const int resolvedRow = findResolved(ack.id);
        if (resolvedRow < 0) {
            qCDebug(lcModels) << "acknowledgement for an alert that is not listed:" << ack.id;
            return;
        }
        row = openCount() + resolvedRow;
    }
    Row &target = row < openCount() ? m_open[static_cast<size_t>(row)]
                                    : m_resolved[static_cast<size_t>(row - openCount())];
    // The server echoing this operator's own acknowledgement keeps the operator's time.
    const bool ours = target.ack && !target.ack->shared && target.ack->by == ack.by;
    const qint64 atMs = ours ? target.ack->atMs : tsMs;
    target.ack = AlertAck{ack.by, ack.comment, atMs, true};
    if (auto act = m_acts.find(ack.id); act != m_acts.end() && act->ack)
        act->ack = target.ack;
    rowChanged(row);
}

bool AlertModel::silence(const QString &id, qint64 untilMs)
{
    const int row = findOpen(id);
    if (row < 0)
        return false;
    m_acts[id].silencedUntilMs = untilMs;
    m_nextDeadlineMs.reset();
    m_open[static_cast<size_t>(row)].silencedUntilMs = untilMs;
    rowChanged(row);
    return true;
}

void AlertModel::advanceTo(qint64 nowMs)
{
    // Called for every message: most calls end here.
    if (m_nextDeadlineMs && nowMs < *m_nextDeadlineMs)
        return;
    qint64 next = std::numeric_limits<qint64>::max();
    // Backwards: resolving a row moves it out of m_open, leaving the rows before it in place.
    for (int row = openCount() - 1; row >= 0; --row) {
        Row &r = m_open[static_cast<size_t>(row)];
        if (r.silencedUntilMs > 0 && r.silencedUntilMs <= nowMs) {
            r.silencedUntilMs = 0;
            if (auto act = m_acts.find(r.info.id); act != m_acts.end())
                act->silencedUntilMs = 0;
            rowChanged(row);
        }
        const qint64 deadline = r.updatedAtMs + autoResolveAfterMs;
        const bool autoResolves = r.info.autoResolve && !r.info.local;
        if (autoResolves && deadline <= nowMs) {
            r.autoResolved = true;
            resolve(deadline, row, QStringLiteral("auto-resolved: no update for %1 min").arg(autoResolveAfterMs / 60'000));
            continue;
        }
        if (autoResolves)
            next = std::min(next, deadline);
        if (r.silencedUntilMs > 0)
            next = std::min(next, r.silencedUntilMs);
    }
    m_nextDeadlineMs = next;
}

const AlertRow *AlertModel::find(const QString &id) const
{
    if (const int row = findOpen(id); row >= 0)
        return &m_open[static_cast<size_t>(row)];
    if (const int row = findResolved(id); row >= 0)
        return &m_resolved[static_cast<size_t>(row)];
    return nullptr;
}

int AlertModel::openCount() const
{
    return static_cast<int>(m_open.size());
}

int AlertModel::openCount(Severity s) const
{
    return static_cast<int>(std::count_if(m_open.cbegin(), m_open.cend(),
                                          [s](const Row &row) { return row.info.severity == s; }));
}

int AlertModel::droppedOpen() const
{
    return m_droppedOpen;
}

int AlertModel::resolvedCount() const
{
    return static_cast<int>(m_resolved.size());
}

int AlertModel::acknowledgedCount() const
{
    return static_cast<int>(std::count_if(m_open.cbegin(), m_open.cend(), [](const Row &row) { return row.ack.has_value(); }));
}

int AlertModel::silencedCount() const
{
    return static_cast<int>(
        std::count_if(m_open.cbegin(), m_open.cend(), [](const Row &row) { return row.silencedUntilMs > 0; }));
}

const AlertRow *AlertModel::firstUnhandledCritical() const
{
    // Open rows are sorted by severity, then age: the criticals come first, oldest first.
    const auto it = std::find_if(m_open.cbegin(), m_open.cend(), isUnhandledCritical);
    return it == m_open.cend() ? nullptr : &*it;
}

int AlertModel::unhandledCriticalCount() const
{
    return static_cast<int>(std::count_if(m_open.cbegin(), m_open.cend(), isUnhandledCritical));
}

int AlertModel::affectedUsers() const
{
    int users = 0;
    for (const Row &row : m_open)
        users += qMax(0, row.info.affectedUsers);
    return users;
}

AlertModel::State AlertModel::state() const
{
    return State{m_open, m_resolved, m_droppedOpen};
}

void AlertModel::restoreState(const State &state)
{
    beginResetModel();
    m_open = state.open;
    m_resolved = state.resolved;
    m_droppedOpen = state.droppedOpen;
    for (Row &row : m_open)
        applyActs(row);
    for (Row &row : m_resolved)
        applyActs(row);
    m_nextDeadlineMs.reset();
    endResetModel();
}

const AlertModel::Row &AlertModel::rowAt(int row) const
{
    const auto r = static_cast<size_t>(row);
    return r < m_open.size() ? m_open[r] : m_resolved[r - m_open.size()];
}

int AlertModel::findOpen(const QString &id) const
{
    const auto it =
        std::find_if(m_open.cbegin(), m_open.cend(), [&id](const Row &row) { return row.info.id == id; });
    return it == m_open.cend() ? -1 : static_cast<int>(it - m_open.cbegin());
}

int AlertModel::findResolved(const QString &id) const
{
    const auto it = std::find_if(m_resolved.cbegin(), m_resolved.cend(),
                                 [&id](const Row &row) { return row.info.id == id; });
    return it == m_resolved.cend() ? -1 : static_cast<int>(it - m_resolved.cbegin());
}

int AlertModel::sortedOpenPosition(const Row &row) const
{
    const auto it = std::upper_bound(m_open.cbegin(), m_open.cend(), row, sortsBefore<Row>);
    return static_cast<int>(it - m_open.cbegin());
}

void AlertModel::raise(qint64 tsMs, const AlertInfo &alert)
{
    m_nextDeadlineMs.reset();
    const int openRow = findOpen(alert.id);
    if (openRow >= 0) {
        // An update of an open alert keeps its age; a new severity may move it.
        Row updated = m_open[static_cast<size_t>(openRow)];
        updated.info = alert;
        updated.updatedAtMs = tsMs;
        int dest = 0; // its sorted position among the other open alerts
        for (int j = 0; j < openCount(); ++j) {
            if (j != openRow && !sortsBefore(updated, m_open[static_cast<size_t>(j)]))
                ++dest;
        }
        if (dest == openRow) {
            m_open[static_cast<size_t>(openRow)] = std::move(updated);
        } else {
            // beginMoveRows counts the destination before the row is taken out.
            beginMoveRows(QModelIndex(), openRow, openRow, QModelIndex(), dest > openRow ? dest + 1 : dest);
            m_open.erase(m_open.begin() + openRow);
            m_open.insert(m_open.begin() + dest, std::move(updated));
            endMoveRows();
        }
        const QModelIndex changed = index(dest);
        Q_EMIT dataChanged(changed, changed);
        return;
    }

    const int resolvedRow = findResolved(alert.id);
    if (resolvedRow >= 0) {
        const int row = openCount() + resolvedRow;
        beginRemoveRows(QModelIndex(), row, row);
        m_resolved.erase(m_resolved.begin() + resolvedRow);
        endRemoveRows();
    }

    // A new occurrence of a resolved id asks for a new acknowledgement.
    m_acts.remove(alert.id);
    Row row{alert, tsMs, 0, QString(), tsMs, std::nullopt, 0, false};
    if (!makeRoomFor(row))
        return;
    const int pos = sortedOpenPosition(row);
    beginInsertRows(QModelIndex(), pos, pos);
    m_open.insert(m_open.begin() + pos, std::move(row));
    endInsertRows();
}

void AlertModel::resolve(qint64 tsMs, int openRow, const QString &reason)
{
    // The resolved rows stay newest resolution first, even for a resolution dated in the past
    // (an auto-resolve deadline); it goes before those resolved at the same time.
    const qint64 resolvedAtMs = qMax<qint64>(1, tsMs);
    const auto at = std::find_if(m_resolved.cbegin(), m_resolved.cend(),
                                 [resolvedAtMs](const Row &r) { return r.resolvedAtMs <= resolvedAtMs; });
    const int resolvedPos = static_cast<int>(at - m_resolved.cbegin());
    // beginMoveRows counts the destination before the row is taken out.
    const int dest = openCount() + resolvedPos;
    const bool moves = dest != openRow + 1;
    if (moves)
        beginMoveRows(QModelIndex(), openRow, openRow, QModelIndex(), dest);
    Row row = std::move(m_open[static_cast<size_t>(openRow)]);
    m_open.erase(m_open.begin() + openRow);
    row.resolvedAtMs = resolvedAtMs;
    row.reason = reason;
    m_resolved.insert(m_resolved.begin() + resolvedPos, std::move(row));
    if (moves)
        endMoveRows();
    rowChanged(openCount() + resolvedPos);
    trimResolved();
}

void AlertModel::trimResolved()
{
    const int excess = static_cast<int>(m_resolved.size()) - maxResolved;
    if (excess <= 0)
        return;
    const int first = openCount() + maxResolved;
    beginRemoveRows(QModelIndex(), first, first + excess - 1);
    m_resolved.resize(static_cast<size_t>(maxResolved));
    endRemoveRows();
}

void AlertModel::rowChanged(int row)
{
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

void AlertModel::applyActs(Row &row) const
{
    const auto act = m_acts.constFind(row.info.id);
    if (act == m_acts.cend())
        return;
    // The state may hold the server's copy of the acknowledgement already.
    if (act->ack && !row.ack)
        row.ack = act->ack;
    row.silencedUntilMs = act->silencedUntilMs;
}

bool AlertModel::makeRoomFor(const Row &incoming)
{
    if (openCount() < maxOpen)
        return true;
    ++m_droppedOpen;
    // Open rows are sorted most severe first, so the least severe start after the last
    // more severe row, oldest first.
    const Severity lowest = m_open.back().info.severity;
    const auto victim = std::find_if(m_open.cbegin(), m_open.cend(),
                                     [lowest](const Row &row) { return row.info.severity == lowest; });
    if (dropsBefore(incoming, *victim)) {
        qCDebug(lcModels) << "too many open alerts; dropping the new" << incoming.info.id;
        return false;
    }
    qCDebug(lcModels) << "too many open alerts; dropping" << victim->info.id;
    const int row = static_cast<int>(victim - m_open.cbegin());
    beginRemoveRows(QModelIndex(), row, row);
    m_open.erase(victim);
    endRemoveRows();
    return true;
}

} // namespace vantage
