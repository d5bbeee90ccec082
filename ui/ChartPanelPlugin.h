#pragma once

#include "models/DashboardFile.h"

#include <QtPlugin>

class QWidget;

namespace vantage {

class ChartPanel;

// The root object of plugins/charts, which ChartPanels loads when the metrics page first builds
// its charts: Qt Charts and its OpenGL libraries cost more than a millisecond of every start
// (docs/performance.md).
class ChartPanelPlugin
{
public:
    virtual ~ChartPanelPlugin() = default;

    // A panel for `spec`, owned by `parent`.
    virtual ChartPanel *createPanel(const DashboardPanel &spec, QWidget *parent) = 0;
};

} // namespace vantage

#define VANTAGE_CHART_PANEL_PLUGIN_IID "org.vantage.ChartPanelPlugin/1"
Q_DECLARE_INTERFACE(vantage::ChartPanelPlugin, VANTAGE_CHART_PANEL_PLUGIN_IID)
