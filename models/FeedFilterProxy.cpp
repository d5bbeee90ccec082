#include "models/FeedFilterProxy.h"

#include "models/ActivityFeedModel.h"

namespace vantage {

FeedFilterProxy::FeedFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void FeedFilterProxy::setTypeFilter(const QString &type)
{
    setTypeFilters(type.isEmpty() ? QSet<QString>() : QSet<QString>{type});
}

void FeedFilterProxy::setTypeFilters(const QSet<QString> &types)
{
    if (types == m_types)
        return;
    m_types = types;
    invalidateFilter();
    Q_EMIT filterChanged();
}

void FeedFilterProxy::setTextFilter(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
    Q_EMIT filterChanged();
}

QString FeedFilterProxy::typeFilter() const
{
    return m_types.size() == 1 ? *m_types.cbegin() : QString();
}

QSet<QString> FeedFilterProxy::typeFilters() const
{
    return m_types;
}

QString FeedFilterProxy::textFilter() const
{
    return m_text;
}

bool FeedFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    QString type;
    QString userName;
    QString description;
    QString location;
    // Reading the ring directly keeps re-filtering a full feed cheap; other sources go through roles.
    if (const auto *feed = qobject_cast<const ActivityFeedModel *>(sourceModel())) {
        const LiveEvent &e = feed->itemAt(sourceRow).event;
        type = e.type;
        userName = e.userName;
        description = e.description;
        location = ActivityFeedModel::locationText(e.location);
    } else {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        type = index.data(ActivityFeedModel::TypeRole).toString();
        userName = index.data(ActivityFeedModel::UserNameRole).toString();
        description = index.data(ActivityFeedModel::DescriptionRole).toString();
        location = index.data(ActivityFeedModel::LocationRole).toString();
    }
    if (!m_types.isEmpty() && !m_types.contains(type))
        return false;
    if (m_text.isEmpty())
        return true;
    return type.contains(m_text, Qt::CaseInsensitive) || userName.contains(m_text, Qt::CaseInsensitive)
        || description.contains(m_text, Qt::CaseInsensitive)
        || location.contains(m_text, Qt::CaseInsensitive);
}

} // namespace vantage
