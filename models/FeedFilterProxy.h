#pragma once

#include "feed/Message.h"

#include <QSet>
#include <QSortFilterProxyModel>

#include <functional>

namespace vantage {

// Filters the activity feed by event type, by case-insensitive text over user name,
// description, type and location, and by place (the map's: a location as the map resolves it). The type
// filter is all types, a set of types, or "other" (only the types that are not canonical, see EventTypes.h).
// New rows are filtered incrementally by QSortFilterProxyModel; only a filter change re-filters the whole
// feed.
class FeedFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FeedFilterProxy(QObject *parent = nullptr);

    void setTypeFilter(const QString &type);         // "" = all types
    void setTypeFilters(const QSet<QString> &types); // empty = all types
    // Only events whose type is not a canonical one; false goes back to all types.
    void setOtherTypesOnly(bool otherOnly);
    void setTextFilter(const QString &text);
    // Only events at `place` (a place the map shows, GeoActivityModel::placeOf); "" = anywhere.
    void setPlaceFilter(const QString &place);
    // How a row's location becomes a place; set by DashboardModels to the map's resolver.
    using PlaceOf = std::function<QString(const GeoLocation &)>;
    void setPlaceOf(PlaceOf placeOf) { m_placeOf = std::move(placeOf); }
    // The single type filtered on; empty when all types pass, several are selected or "other".
    QString typeFilter() const;
    bool otherTypesOnly() const;
    QString textFilter() const;
    QString placeFilter() const { return m_place; }

Q_SIGNALS:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool acceptsType(const QString &type) const;
    bool acceptsPlace(const GeoLocation &location) const;

    QSet<QString> m_types;
    bool m_otherTypesOnly = false;
    QString m_text;
    QString m_place;
    PlaceOf m_placeOf;
};

} // namespace vantage
