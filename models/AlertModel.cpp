#include "models/AlertModel.h"

#include "models/ModelLogging.h"

#include <QDateTime>
#include <QSet>
#include <QTextDocument>

#include <algorithm>

namespace vantage {

namespace {

// Open alerts: critical first, then the oldest first.
template <typename Row> bool sortsBefore(const Row &a, const Row &b)
{
    if (a.info.severity != b.info.severity)
        return a.info.severity > b.info.severity;
    return a.raisedAtMs < b.raisedAtMs;
}

// The alert to drop first when too many are open: the least severe, then the oldest.
template <typename Row> bool dropsBefore(const Row &a, const Row &b)
{
    if (a.info.severity != b.info.severity)
        return a.info.severity < b.info.severity;
    return a.raisedAtMs < b.raisedAtMs;
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODate);
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
    case Qt::ToolTipRole: {
        QStringList lines{QString(severityName(a.severity)).toUpper(), a.message,
                          QStringLiteral("Affected users: ") + QString::number(a.affectedUsers),
                          QStringLiteral("Raised: ") + timeText(row.raisedAtMs)};
        if (row.resolvedAtMs > 0) {
            QString resolved = QStringLiteral("Resolved: ") + timeText(row.resolvedAtMs);
            if (!row.reason.isEmpty())
                resolved += QStringLiteral(" (") + row.reason + QLatin1Char(')');
            lines.append(resolved);
        }
        lines.append(QStringLiteral("Id: ") + a.id);
        return Qt::convertFromPlainText(lines.join(QLatin1Char('\n')), Qt::WhiteSpaceNormal);
    }
    case IdRole: return a.id;
    case SeverityRole: return static_cast<int>(a.severity);
    case SeverityNameRole: return QString(severityName(a.severity));
    case AffectedUsersRole: return a.affectedUsers;
    case RaisedAtRole: return row.raisedAtMs;
    case ResolvedAtRole: return row.resolvedAtMs;
    case IsOpenRole: return row.resolvedAtMs == 0;
    case ResolveReasonRole: return row.reason;
    case AutoResolveRole: return a.autoResolve;
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
    for (int row = static_cast<int>(m_open.size()) - 1; row >= 0; --row) {
        if (!keep.contains(m_open[static_cast<size_t>(row)].info.id))
            resolve(tsMs, row, QStringLiteral("no longer open in the snapshot"));
    }
    applyAlerts(tsMs, open);
}

void AlertModel::clear()
{
    beginResetModel();
    m_open.clear();
    m_resolved.clear();
    m_droppedOpen = 0;
    endResetModel();
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
    const int openRow = findOpen(alert.id);
    if (openRow >= 0) {
        // An update of an open alert keeps its age; a new severity may move it.
        Row updated = m_open[static_cast<size_t>(openRow)];
        updated.info = alert;
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

    Row row{alert, tsMs, 0, QString()};
    if (!makeRoomFor(row))
        return;
    const int pos = sortedOpenPosition(row);
    beginInsertRows(QModelIndex(), pos, pos);
    m_open.insert(m_open.begin() + pos, std::move(row));
    endInsertRows();
}

void AlertModel::resolve(qint64 tsMs, int openRow, const QString &reason)
{
    // The alert becomes the first resolved row, which sits right after the open ones.
    const int lastOpen = openCount() - 1;
    if (openRow != lastOpen)
        beginMoveRows(QModelIndex(), openRow, openRow, QModelIndex(), openCount());
    Row row = std::move(m_open[static_cast<size_t>(openRow)]);
    m_open.erase(m_open.begin() + openRow);
    row.resolvedAtMs = qMax<qint64>(1, tsMs);
    row.reason = reason;
    m_resolved.insert(m_resolved.begin(), std::move(row));
    if (openRow != lastOpen)
        endMoveRows();
    const QModelIndex changed = index(openCount());
    Q_EMIT dataChanged(changed, changed);
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
