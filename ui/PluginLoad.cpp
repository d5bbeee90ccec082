#include "ui/PluginLoad.h"

#include <QCoreApplication>
#include <QDir>

namespace vantage {

QString installedPluginPath(const QString &fileName)
{
    return QDir(QCoreApplication::applicationDirPath())
        .filePath(QStringLiteral("../lib/vantage/") + fileName);
}

QString pluginProblem(const QPluginLoader &loader, const QString &path, const QString &kind)
{
    return loader.isLoaded() ? QStringLiteral("%1 is not Vantage's %2 plugin").arg(path, kind)
                             : QStringLiteral("cannot load %1 (%2)").arg(path, loader.errorString());
}

} // namespace vantage
