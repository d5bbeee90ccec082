#include "plugins/charts/ChartsPlugin.h"

#include "plugins/charts/QtChartPanel.h"

namespace vantage {

ChartPanel *ChartsPlugin::createPanel(const DashboardPanel &spec, QWidget *parent)
{
    return new QtChartPanel(spec, parent);
}

} // namespace vantage
