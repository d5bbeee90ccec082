#pragma once

#include "widgets/Theme.h"

#include <QFrame>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;
class QToolButton;

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
    // Shown while the feed is filtered to a place picked on the map; a click clears that filter.
    QToolButton *placeFilterButton() const { return m_place; }
    QString countText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    static constexpr int kSearchMinWidth = 200;

    void applyTypeFilter();

    ActivityFeedModel *m_feed;
    FeedFilterProxy *m_filtered;
    FeedItemDelegate *m_delegate;
    QListView *m_view;
    QComboBox *m_typeCombo;
    QLineEdit *m_search;
    QLabel *m_count;
    QToolButton *m_place;
    QTimer *m_searchDelay;
};

} // namespace vantage
