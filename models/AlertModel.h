#pragma once

#include "feed/Message.h"
#include "models/AlertRow.h"

#include <QAbstractListModel>

#include <vector>

namespace vantage {

// Alerts: open ones first, by severity (critical first) then age (oldest first); then the
// resolved ones, newest resolution first, at most maxResolved kept. At most maxOpen alerts
// are open: a new one past that displaces the least severe and oldest open alert, or is
// dropped itself when it is the least severe.
class AlertModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        SeverityRole,     // int of vantage::Severity
        SeverityNameRole, // "critical", ...
        MessageRole,
        AffectedUsersRole,
        RaisedAtRole,   // qint64 ms
        ResolvedAtRole, // qint64 ms, 0 if open
        IsOpenRole,
        ResolveReasonRole,
        AutoResolveRole,
    };
    Q_ENUM(Roles)

    static constexpr int maxResolved = 200;
    static constexpr int maxOpen = 1000;

    // Everything the model shows, as a value: captured on one model, restored into another.
    struct State
    {
        std::vector<AlertRow> open;     // sorted as the model sorts them
        std::vector<AlertRow> resolved; // newest resolution first
        int droppedOpen = 0;

        friend bool operator==(const State &, const State &) = default;
    };

    explicit AlertModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A known open id is updated in place (moved if its severity changed); a resolved id reopens.
    void applyAlerts(qint64 tsMs, const std::vector<AlertInfo> &raised);
    // Unknown or already resolved ids are ignored.
    void applyResolved(qint64 tsMs, const std::vector<AlertResolvedInfo> &resolved);
    // The snapshot's open set: open alerts missing from it are resolved at tsMs.
    void replaceOpen(qint64 tsMs, const std::vector<AlertInfo> &open);
    // Forgets every alert, open and resolved (another log is opened).
    void clear();

    int openCount() const;
    int openCount(Severity s) const;
    // Open alerts dropped to stay within maxOpen.
    int droppedOpen() const;

    State state() const;
    // Replaces every alert with the state's, in one model reset.
    void restoreState(const State &state);

private:
    using Row = AlertRow;

    const Row &rowAt(int row) const;
    int findOpen(const QString &id) const;
    int findResolved(const QString &id) const; // index into m_resolved
    int sortedOpenPosition(const Row &row) const;
    void raise(qint64 tsMs, const AlertInfo &alert);
    void resolve(qint64 tsMs, int openRow, const QString &reason);
    void trimResolved();
    // At maxOpen, drops the open alert that sorts last for dropping, unless `incoming` does.
    // False when `incoming` itself is the one to drop.
    bool makeRoomFor(const Row &incoming);

    std::vector<Row> m_open;     // sorted
    std::vector<Row> m_resolved; // newest resolution first
    int m_droppedOpen = 0;
};

} // namespace vantage
