#pragma once

#include "ui/MainWindow.h"

#include <QStringList>

#include <optional>

namespace vantage {

// The pages' names on the command line and in settings: "overview", "map", "alerts", "metrics".
QString pageName(MainWindow::Page page);
std::optional<MainWindow::Page> pageFromName(const QString &name);
// Every page, in the order a wall rotates through them by default.
QStringList allPageNames();

} // namespace vantage
