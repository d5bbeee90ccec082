#pragma once

#include "feed/Message.h"
#include "models/AlertRow.h"

#include <QAbstractListModel>

#include <vector>

namespace vantage {

// Alerts: open ones first, by severity (critical first) then age (oldest first); then the
// resolved ones, newest resolution first, at most maxResolved kept. At most maxOpen alerts
// are open: a new one past that displaces the least severe and oldest open alert, or is
// dropped itself when it is the least severe. Operators acknowledge and silence open alerts;
// what they did is remembered by id, so a replay seek (restoreState) keeps it.
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
        IsLocalRole,     // raised by a client-side rule
        UpdatedAtRole,   // qint64 ms of the latest alert message for the id
        AckByRole,       // empty when not acknowledged
        AckAtRole,       // qint64 ms, 0 when not acknowledged
        AckCommentRole,
        AckSharedRole,   // the server has the acknowledgement
        SilencedUntilRole, // qint64 ms, 0 when not silenced
    };
    Q_ENUM(Roles)

    static constexpr int maxResolved = 200;
    static constexpr int maxOpen = 1000;
    // An open alert that says it resolves by itself (seed 000's autoResolve), from the server,
    // resolves after this long without an update for its id.
    static constexpr qint64 autoResolveAfterMs = 15 * 60'000;

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
    // Forgets every alert, open and resolved, and what operators did (another log is opened).
    void clear();

    // The operator acknowledges an open alert (a later call replaces the acknowledgement); false
    // when the id is not open.
    bool acknowledge(const QString &id, const AlertAck &ack);
    // An acknowledgement the server shares, at tsMs: it marks the operator's own as shared, or
    // records another operator's. Ids that are not listed are ignored.
    void applyAck(qint64 tsMs, const AlertAckInfo &ack);
    // Silences an open alert until untilMs: it stays listed, and notifies nobody until then;
    // 0 lifts the silence. False when the id is not open.
    bool silence(const QString &id, qint64 untilMs);
    // Data time reaches nowMs: silences that have run out end, and server alerts with autoResolve
    // and no update for autoResolveAfterMs resolve at that deadline. Cheap until the next
    // deadline, so it is called before every message: the outcome does not depend on batching.
    void advanceTo(qint64 nowMs);

    // The alert listed under id, open or resolved; nullptr when none is.
    const AlertRow *find(const QString &id) const;

    int openCount() const;
    int openCount(Severity s) const;
    // Open alerts dropped to stay within maxOpen.
    int droppedOpen() const;
    int resolvedCount() const; // resolved alerts listed (at most maxResolved)
    int acknowledgedCount() const; // open ones
    int silencedCount() const;     // open ones
    int affectedUsers() const;     // summed over the open alerts
    // Open critical alerts nobody has acknowledged or silenced: what takes a wall over
    // (docs/operations.md, "Kiosk"). The first is the oldest; nullptr when there is none.
    const AlertRow *firstUnhandledCritical() const;
    int unhandledCriticalCount() const;

    State state() const;
    // Replaces every alert with the state's, in one model reset.
    void restoreState(const State &state);

private:
    using Row = AlertRow;
    // What the operator did about an id, applied again when restoreState brings the alert back.
    struct OperatorAct
    {
        std::optional<AlertAck> ack;
        qint64 silencedUntilMs = 0;
    };

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
    void rowChanged(int row);
    void applyActs(Row &row) const;

    std::vector<Row> m_open;     // sorted
    std::vector<Row> m_resolved; // newest resolution first
    int m_droppedOpen = 0;
    QHash<QString, OperatorAct> m_acts;
    // The earliest auto-resolve deadline or silence end among the open alerts; nullopt when it
    // must be looked for again.
    std::optional<qint64> m_nextDeadlineMs;
};

} // namespace vantage
