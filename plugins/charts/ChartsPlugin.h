#pragma once

#include "ui/ChartPanelPlugin.h"

#include <QObject>

namespace vantage {

// The charts plugin's root object: makes QtChartPanels.
class ChartsPlugin final : public QObject, public ChartPanelPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VANTAGE_CHART_PANEL_PLUGIN_IID)
    Q_INTERFACES(vantage::ChartPanelPlugin)
public:
    ChartPanel *createPanel(const DashboardPanel &spec, QWidget *parent) override;
};

} // namespace vantage
