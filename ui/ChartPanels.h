#pragma once

#include "models/DashboardFile.h"

#include <QPluginLoader>
#include <QString>

class QWidget;

namespace vantage {

class ChartPanel;
class ChartPanelPlugin;

// Makes the metrics page's chart panels with the charts plugin (plugins/charts), loaded at the
// first panel. A plugin that cannot be loaded is named once on stderr; the page shows why in
// place of its charts, and its cards carry on.
class ChartPanels
{
public:
    // The plugin installed beside the program: <bin>/../lib/vantage/vantage-charts.so
    ChartPanels();
    explicit ChartPanels(const QString &pluginPath);
    ChartPanels(const ChartPanels &) = delete;
    ChartPanels &operator=(const ChartPanels &) = delete;

    // A panel for `spec`, owned by `parent`; null if the plugin cannot be loaded.
    ChartPanel *create(const DashboardPanel &spec, QWidget *parent);

    // Why there are no charts: the plugin could not be loaded. Empty until a load was tried and failed.
    QString problem() const { return m_problem; }
    bool loaded() const { return m_plugin != nullptr; }

    static QString installedPluginPath();

private:
    QString m_pluginPath;
    QPluginLoader m_loader;
    ChartPanelPlugin *m_plugin = nullptr;
    bool m_loadTried = false;
    QString m_problem;
};

} // namespace vantage
