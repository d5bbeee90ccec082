#pragma once

#include "models/EventRing.h"
#include "models/FeedItem.h"

#include <QAbstractListModel>

#include <vector>

namespace vantage {

// The activity feed, newest first (row 0 = newest), over a ring of the newest N events.
// Batches are inserted with one beginInsertRows at the top; the overflow leaves at the bottom.
class ActivityFeedModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        TypeRole = Qt::UserRole + 1,
        UserNameRole,
        DescriptionRole,
        ValueRole,       // double; invalid QVariant when the event has no value
        CurrencyRole,
        TimestampRole,   // qint64 ms since the epoch
        UserRoleRole,    // "supplier", "couple", ...
        LocationRole,    // "City, CC"
        EventIdRole,
        SummaryRole,     // one line of plain text
        SeqRole,         // qint64, -1 when none
        UserIdRole,
    };
    Q_ENUM(Roles)

    explicit ActivityFeedModel(qsizetype capacity = 50'000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // items oldest -> newest. One insert per call, plus one removal for the overflow.
    void appendBatch(std::vector<FeedItem> items);
    void clear();
    qsizetype capacity() const;

    // row 0 = newest; row must be in [0, rowCount()).
    const FeedItem &itemAt(int row) const;

    // Events appended since construction or clear(), including those the ring has dropped.
    quint64 totalAppended() const;

    static QString summaryText(const FeedItem &item);
    static QString detailsText(const FeedItem &item);
    static QString locationText(const GeoLocation &location);

private:
    EventRing<FeedItem> m_ring;
    int m_rows = 0; // lags the ring while rows are being removed or inserted
};

} // namespace vantage
