#pragma once

#include "widgets/Theme.h"

#include <QFrame>
#include <QSet>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QTimer;

namespace vantage {

class ActivityFeedModel;
class FeedFilterProxy;
class FeedItemDelegate;

// The live activity feed: a type filter, a search box, the event count and the list.
class FeedPanel final : public QFrame
{
    Q_OBJECT
public:
    FeedPanel(ActivityFeedModel *feed, FeedFilterProxy *filtered, QWidget *parent = nullptr);

    void setTheme(const Theme &theme);
    // Updates the count; called once per applied batch, not per row.
    void refresh();

    QListView *view() const { return m_view; }
    QComboBox *typeCombo() const { return m_typeCombo; }
    QLineEdit *searchEdit() const { return m_search; }
    QString countText() const;

    // The canonical feed types; "Other" in the type filter means any type but these.
    static bool isCanonicalType(const QString &type);

private:
    void applyTypeFilter();
    void noteTypes(const QModelIndex &parent, int first, int last);

    ActivityFeedModel *m_feed;
    FeedFilterProxy *m_filtered;
    FeedItemDelegate *m_delegate;
    QListView *m_view;
    QComboBox *m_typeCombo;
    QLineEdit *m_search;
    QLabel *m_count;
    QTimer *m_searchDelay;
    QSet<QString> m_otherTypes; // non-canonical types seen so far, for the "Other" filter
};

} // namespace vantage
