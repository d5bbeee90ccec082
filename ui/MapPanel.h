#pragma once

#include "widgets/Theme.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace vantage {

class ActivityMap;
class DashboardModels;

// The activity map in a panel: "Activity map", what it shows (events placed, sessions, events
// with no usable location), the Heat and Fit controls, and the map. It hands the map's model to
// the map when a batch has changed it, and only while the panel is visible; a click on a place
// filters the activity feed to it.
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

private:
    void refresh();

    DashboardModels *m_models;
    ActivityMap *m_map;
    QLabel *m_summary;
    QToolButton *m_heat;
    QToolButton *m_fit;
    bool m_stale = true; // the model changed while the panel was hidden
};

} // namespace vantage
