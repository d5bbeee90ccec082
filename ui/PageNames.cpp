#include "ui/PageNames.h"

#include <array>

namespace vantage {

namespace {
constexpr std::array<const char *, 4> kNames = {"overview", "map", "alerts", "metrics"};
} // namespace

QString pageName(MainWindow::Page page)
{
    return QLatin1String(kNames[size_t(page)]);
}

std::optional<MainWindow::Page> pageFromName(const QString &name)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i]))
            return MainWindow::Page(i);
    }
    return std::nullopt;
}

QStringList allPageNames()
{
    QStringList names;
    for (const char *name : kNames)
        names << QLatin1String(name);
    return names;
}

} // namespace vantage
