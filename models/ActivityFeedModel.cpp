#include "models/ActivityFeedModel.h"

#include "models/PlainText.h"

#include <QDateTime>
#include <QTextDocument>

namespace vantage {

namespace {

QString valueText(const LiveEvent &e)
{
    if (qIsNaN(e.value))
        return {};
    QString text = QString::number(e.value, 'f', 2);
    if (!e.currency.isEmpty())
        text += QLatin1Char(' ') + e.currency;
    return text;
}

} // namespace

ActivityFeedModel::ActivityFeedModel(qsizetype capacity, QObject *parent)
    : QAbstractListModel(parent)
    , m_ring(capacity)
{
}

int ActivityFeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant ActivityFeedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FeedItem &item = itemAt(index.row());
    const LiveEvent &e = item.event;
    switch (role) {
    case Qt::DisplayRole:
    case SummaryRole: return summaryText(item);
    case Qt::ToolTipRole:
        // Escaped as plain text; WhiteSpaceNormal lets long descriptions wrap in the tooltip.
        return Qt::convertFromPlainText(detailsText(item), Qt::WhiteSpaceNormal);
    case TypeRole: return e.type;
    case UserNameRole: return e.userName;
    case DescriptionRole: return e.description;
    case ValueRole: return qIsNaN(e.value) ? QVariant() : QVariant(e.value);
    case CurrencyRole: return e.currency;
    case TimestampRole: return item.tsMs;
    case UserRoleRole: return e.role;
    case LocationRole: return locationText(e.location);
    case EventIdRole: return e.id;
    case SeqRole: return item.seq;
    case UserIdRole: return e.userId;
    default: return {};
    }
}

QHash<int, QByteArray> ActivityFeedModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TypeRole, "type");
    names.insert(UserNameRole, "userName");
    names.insert(DescriptionRole, "description");
    names.insert(ValueRole, "value");
    names.insert(CurrencyRole, "currency");
    names.insert(TimestampRole, "timestamp");
    names.insert(UserRoleRole, "userRole");
    names.insert(LocationRole, "location");
    names.insert(EventIdRole, "eventId");
    names.insert(SummaryRole, "summary");
    names.insert(SeqRole, "seq");
    names.insert(UserIdRole, "userId");
    return names;
}

void ActivityFeedModel::appendBatch(std::vector<FeedItem> items)
{
    if (items.empty())
        return;
    const qsizetype capacity = m_ring.capacity();
    // Only the newest `capacity` items of an oversized batch can be shown.
    const auto skip = static_cast<size_t>(qMax<qsizetype>(0, qsizetype(items.size()) - capacity));
    const int inserted = static_cast<int>(items.size() - skip);
    const int overflow = qMax(0, m_rows + inserted - static_cast<int>(capacity));

    // The ring still holds the rows being removed: they are the oldest, at the bottom.
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), m_rows - overflow, m_rows - 1);
        m_rows -= overflow;
        endRemoveRows();
    }

    beginInsertRows(QModelIndex(), 0, inserted - 1);
    for (size_t i = skip; i < items.size(); ++i)
        m_ring.push(std::move(items[i]));
    m_rows += inserted;
    endInsertRows();
}

void ActivityFeedModel::clear()
{
    if (m_rows == 0 && m_ring.isEmpty())
        return;
    beginResetModel();
    m_ring.clear();
    m_rows = 0;
    endResetModel();
}

qsizetype ActivityFeedModel::capacity() const
{
    return m_ring.capacity();
}

const FeedItem &ActivityFeedModel::itemAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_rows);
    return m_ring.newest(row);
}

quint64 ActivityFeedModel::totalAppended() const
{
    return m_ring.totalPushed();
}

QString ActivityFeedModel::summaryText(const FeedItem &item)
{
    const LiveEvent &e = item.event;
    QString text = e.type.isEmpty() ? QStringLiteral("event") : e.type;
    if (!e.userName.isEmpty())
        text += QStringLiteral(": ") + e.userName;
    if (!e.role.isEmpty())
        text += QStringLiteral(" (") + e.role + QLatin1Char(')');
    const QString parts[] = {e.description, valueText(e), locationText(e.location)};
    for (const QString &part : parts) {
        if (!part.isEmpty())
            text += QStringLiteral(" \u2014 ") + part;
    }
    // One line: embedded line breaks and tabs would break the row layout.
    return singleLine(std::move(text));
}

QString ActivityFeedModel::detailsText(const FeedItem &item)
{
    const LiveEvent &e = item.event;
    QStringList lines;
    const auto addLine = [&lines](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines.append(label + QStringLiteral(": ") + value);
    };
    addLine(QStringLiteral("Type"), e.type);
    addLine(QStringLiteral("User"), e.userName);
    addLine(QStringLiteral("User id"), e.userId);
    addLine(QStringLiteral("Role"), e.role);
    addLine(QStringLiteral("Description"), e.description);
    addLine(QStringLiteral("Value"), valueText(e));
    addLine(QStringLiteral("Location"), locationText(e.location));
    if (item.tsMs > 0)
        addLine(QStringLiteral("Time"),
                QDateTime::fromMSecsSinceEpoch(item.tsMs).toString(Qt::ISODateWithMs));
    addLine(QStringLiteral("Event id"), e.id);
    if (item.seq >= 0)
        addLine(QStringLiteral("Seq"), QString::number(item.seq));
    addLine(QStringLiteral("Metadata"), e.metadataJson);
    return lines.join(QLatin1Char('\n'));
}

QString ActivityFeedModel::locationText(const GeoLocation &location)
{
    if (location.city.isEmpty())
        return location.country;
    if (location.country.isEmpty())
        return location.city;
    return location.city + QStringLiteral(", ") + location.country;
}

} // namespace vantage
