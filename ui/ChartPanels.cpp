#include "ui/ChartPanels.h"

#include "ui/ChartPanelPlugin.h"
#include "ui/PluginLoad.h"

#include <QTextStream>

namespace vantage {

ChartPanels::ChartPanels()
    : ChartPanels(installedPluginPath())
{}

ChartPanels::ChartPanels(const QString &pluginPath)
    : m_pluginPath(pluginPath)
{}

ChartPanel *ChartPanels::create(const DashboardPanel &spec, QWidget *parent)
{
    if (!m_loadTried) {
        m_loadTried = true;
        // Named only now: naming the file already reads the plugin's metadata from disk.
        m_plugin = loadPlugin<ChartPanelPlugin>(m_loader, m_pluginPath, QStringLiteral("charts"), &m_problem);
        if (!m_plugin)
            QTextStream(stderr) << "vantage: no charts: " << m_problem << Qt::endl;
    }
    return m_plugin ? m_plugin->createPanel(spec, parent) : nullptr;
}

QString ChartPanels::installedPluginPath()
{
    return vantage::installedPluginPath(QStringLiteral(VANTAGE_CHARTS_PLUGIN));
}

} // namespace vantage
