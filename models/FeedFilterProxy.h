#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

namespace vantage {

// Filters the activity feed by event type (a set; empty = all) and by case-insensitive text
// over user name, description, type and location. New rows are filtered incrementally by
// QSortFilterProxyModel; only a filter change re-filters the whole feed.
class FeedFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FeedFilterProxy(QObject *parent = nullptr);

    void setTypeFilter(const QString &type); // "" = all types
    void setTypeFilters(const QSet<QString> &types); // empty = all types
    void setTextFilter(const QString &text);
    // The single type filtered on; empty when all types pass or several are selected.
    QString typeFilter() const;
    QSet<QString> typeFilters() const;
    QString textFilter() const;

Q_SIGNALS:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QSet<QString> m_types;
    QString m_text;
};

} // namespace vantage
