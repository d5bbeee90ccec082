#pragma once

#include <QPluginLoader>
#include <QString>

namespace vantage {

// Vantage's plugins (plugins/): each library that only one feature needs, loaded when the feature
// is first used, so that no start pays for loading it (docs/performance.md, "Startup").

// <bin>/../lib/vantage/fileName: where the plugins are built and installed, beside bin/.
QString installedPluginPath(const QString &fileName);

// Why `path`, given to `loader`, gave no `kind` plugin: another plugin, or none loaded at all.
QString pluginProblem(const QPluginLoader &loader, const QString &path, const QString &kind);

// Loads `path` with `loader` and returns its root object as `Interface`; null, with *problem
// saying why, if it cannot be loaded or is another plugin.
template <class Interface>
Interface *loadPlugin(QPluginLoader &loader, const QString &path, const QString &kind, QString *problem)
{
    loader.setFileName(path);
    if (auto *plugin = qobject_cast<Interface *>(loader.instance()))
        return plugin;
    *problem = pluginProblem(loader, path, kind);
    return nullptr;
}

} // namespace vantage
