#include "models/FeedFilterProxy.h"

#include "models/ActivityFeedModel.h"
#include "models/EventTypes.h"

#include <QVarLengthArray>

namespace vantage {

namespace {

// Matches the text of ActivityFeedModel::locationText ("City, CC") without allocating it per row.
bool locationContains(const GeoLocation &location, QStringView text)
{
    if (location.city.isEmpty() || location.country.isEmpty())
        return location.city.contains(text, Qt::CaseInsensitive) ||
               location.country.contains(text, Qt::CaseInsensitive);
    QVarLengthArray<QChar, 96> joined;
    joined.append(location.city.constData(), location.city.size());
    joined.append(QLatin1Char(','));
    joined.append(QLatin1Char(' '));
    joined.append(location.country.constData(), location.country.size());
    return QStringView(joined.constData(), joined.size()).contains(text, Qt::CaseInsensitive);
}

} // namespace

FeedFilterProxy::FeedFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void FeedFilterProxy::setTypeFilter(const QString &type)
{
    setTypeFilters(type.isEmpty() ? QSet<QString>() : QSet<QString>{type});
}

void FeedFilterProxy::setTypeFilters(const QSet<QString> &types)
{
    if (types == m_types && !m_otherTypesOnly)
        return;
    m_types = types;
    m_otherTypesOnly = false;
    invalidateFilter();
    Q_EMIT filterChanged();
}

void FeedFilterProxy::setOtherTypesOnly(bool otherOnly)
{
    if (otherOnly == m_otherTypesOnly)
        return;
    m_otherTypesOnly = otherOnly;
    m_types.clear();
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

void FeedFilterProxy::setPlaceFilter(const QString &place)
{
    if (place == m_place)
        return;
    m_place = place;
    invalidateFilter();
    Q_EMIT filterChanged();
}

bool FeedFilterProxy::acceptsPlace(const GeoLocation &location) const
{
    return m_place.isEmpty() || (m_placeOf && !location.isEmpty() && m_placeOf(location) == m_place);
}

QString FeedFilterProxy::typeFilter() const
{
    return m_types.size() == 1 ? *m_types.cbegin() : QString();
}

bool FeedFilterProxy::otherTypesOnly() const
{
    return m_otherTypesOnly;
}

QString FeedFilterProxy::textFilter() const
{
    return m_text;
}

bool FeedFilterProxy::acceptsType(const QString &type) const
{
    if (m_otherTypesOnly)
        return !isCanonicalEventType(type);
    return m_types.isEmpty() || m_types.contains(type);
}

bool FeedFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    // Reading the ring directly keeps re-filtering a full feed cheap: no copies, no location
    // text. Other sources (another proxy in between) go through the roles.
    if (const auto *feed = qobject_cast<const ActivityFeedModel *>(sourceModel())) {
        const LiveEvent &e = feed->itemAt(sourceRow).event;
        if (!acceptsType(e.type) || !acceptsPlace(e.location))
            return false;
        return m_text.isEmpty() || e.type.contains(m_text, Qt::CaseInsensitive) ||
               e.userName.contains(m_text, Qt::CaseInsensitive) ||
               e.description.contains(m_text, Qt::CaseInsensitive) || locationContains(e.location, m_text);
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString type = index.data(ActivityFeedModel::TypeRole).toString();
    if (!acceptsType(type) || !m_place.isEmpty())
        return false; // only the feed's own rows carry a location to place
    if (m_text.isEmpty() || type.contains(m_text, Qt::CaseInsensitive))
        return true;
    for (const int role : {int(ActivityFeedModel::UserNameRole), int(ActivityFeedModel::DescriptionRole),
                           int(ActivityFeedModel::LocationRole)}) {
        if (index.data(role).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace vantage
