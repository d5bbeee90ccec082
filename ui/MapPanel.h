#pragma once

#include "widgets/Theme.h"

#include <QElapsedTimer>
#include <QFrame>
#include <QTimer>

class QLabel;
class QToolButton;

namespace vantage {

class ActivityMap;
class DashboardModels;

// The activity map in a panel: "Activity map", what it shows (events placed, sessions, events
// with no usable location), the Heat and Fit controls, and the map. It hands the map's model to
// the map when a batch has changed it, and only while the panel is visible; a click on a place
// filters the activity feed to it. A refresh rebuilds, projects and clusters every marker (ten
// thousand and more), so the map follows a fast stream at most every kMinRefreshMs, and never
// for more than a tenth of the GUI thread's time; the first change after a quiet spell shows as soon
// as the batch that made it is applied.
class MapPanel final : public QFrame
{
    Q_OBJECT
public:
    MapPanel(DashboardModels *models, const QString &objectName, QWidget *parent = nullptr);

    void setTheme(const Theme &theme);
    // The window's one-second tick: events age and fade.
    void tick();

    ActivityMap *map() const { return m_map; }
    QString summaryText() const;

protected:
    void showEvent(QShowEvent *event) override;

    static constexpr int kMinRefreshMs = 33;

private:
    void requestRefresh();
    void refresh();

    DashboardModels *m_models;
    ActivityMap *m_map;
    QLabel *m_summary;
    QToolButton *m_heat;
    QToolButton *m_fit;
    bool m_stale = true; // the model changed while the panel was hidden
    QTimer m_refreshTimer;
    QElapsedTimer m_sinceRefresh;
    qint64 m_refreshIntervalMs = kMinRefreshMs;
};

} // namespace vantage
