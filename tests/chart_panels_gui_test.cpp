#include "models/DashboardModels.h"
#include "support/MappedLibraries.h"
#include "support/TestFiles.h"
#include "ui/ChartPanel.h"
#include "ui/ChartPanels.h"
#include "ui/HealthCards.h"
#include "ui/MetricsPage.h"

#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

// The metrics page's charts come from a plugin (plugins/charts), loaded when the page first
// builds them: Qt Charts is not loaded before, and a plugin that cannot be loaded is named in
// place of the charts while the page's cards carry on. This binary does not link Qt Charts.

using namespace vantage;
using vantage::test::libraryMapped;

namespace {

struct ChartsFixture
{
    explicit ChartsFixture(const QString &plugin = ChartPanels::installedPluginPath())
        : page(&models, 900, nullptr, plugin)
    {
        page.resize(1280, 800);
    }

    void show()
    {
        page.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&page));
    }

    QLabel *problem() const { return page.findChild<QLabel *>(QStringLiteral("metrics.chartsProblem")); }

    DashboardModels models{nullptr, [] { return QDateTime::currentMSecsSinceEpoch(); }, 1000};
    MetricsPage page;
};

} // namespace

TEST(ChartPanels, QtChartsIsLoadedWhenThePageFirstShowsItsChartsAndNotBefore)
{
    ChartsFixture f;
    EXPECT_TRUE(f.page.panels().empty());
    EXPECT_FALSE(libraryMapped("libQt6Charts"));

    f.show();
    ASSERT_EQ(f.page.panels().size(), 4u);
    EXPECT_TRUE(libraryMapped("libQt6Charts"));
    EXPECT_FALSE(f.problem()->isVisible());
    for (ChartPanel *panel : f.page.panels()) {
        EXPECT_TRUE(panel->widget()->isVisible());
        EXPECT_EQ(panel->widget()->parentWidget()->window(), &f.page);
    }
    EXPECT_EQ(f.page.panels()[0]->spec().title, QStringLiteral("Request volume"));
}

TEST(ChartPanels, AMissingPluginIsNamedInPlaceOfTheChartsAndTheCardsCarryOn)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("vantage-charts.so"));
    ChartsFixture f(path);
    f.show();
    EXPECT_TRUE(f.page.panels().empty());
    ASSERT_TRUE(f.problem()->isVisible());
    EXPECT_TRUE(f.problem()->text().startsWith(QStringLiteral("No charts: cannot load ") + path))
        << f.problem()->text().toStdString();
    EXPECT_TRUE(f.page.cards()->isVisible());

    // Built again (a new dashboard), the page says the same.
    f.page.setDashboard(defaultDashboard(), std::nullopt);
    EXPECT_TRUE(f.page.panels().empty());
    EXPECT_TRUE(f.problem()->isVisible());
    EXPECT_TRUE(f.problem()->text().startsWith(QStringLiteral("No charts: cannot load ") + path));

    // A dashboard of stat cards alone needs no charts: nothing is missing.
    Dashboard stats;
    DashboardPanel stat;
    stat.kind = DashboardPanel::Kind::Stat;
    stat.title = QStringLiteral("Requests");
    stat.series = {QStringLiteral("requests_per_second")};
    stats.panels = {stat};
    f.page.setDashboard(stats, std::nullopt);
    EXPECT_EQ(f.page.stats().size(), 1u);
    EXPECT_FALSE(f.problem()->isVisible());
}

TEST(ChartPanels, APluginThatFailedToLoadIsNotTriedAgain)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("vantage-charts.so"));
    ChartPanels panels(path);
    EXPECT_EQ(panels.create(DashboardPanel(), nullptr), nullptr);
    const QString problem = panels.problem();
    ASSERT_FALSE(problem.isEmpty());

    // The plugin appears afterwards: the page keeps to what it found, and says the same.
    ASSERT_TRUE(QFile::copy(ChartPanels::installedPluginPath(), path));
    EXPECT_EQ(panels.create(DashboardPanel(), nullptr), nullptr);
    EXPECT_FALSE(panels.loaded());
    EXPECT_EQ(panels.problem(), problem);
}

TEST(ChartPanels, AFileThatIsNotAPluginOrAnotherQtPluginIsNamed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString garbage = dir.filePath(QStringLiteral("vantage-charts.so"));
    ASSERT_TRUE(test::writeLines(garbage, {"not a shared object"}));
    ChartPanels notAPlugin(garbage);
    EXPECT_EQ(notAPlugin.create(DashboardPanel(), nullptr), nullptr);
    EXPECT_FALSE(notAPlugin.loaded());
    EXPECT_TRUE(notAPlugin.problem().contains(garbage)) << notAPlugin.problem().toStdString();

    const QString offscreen =
        QLibraryInfo::path(QLibraryInfo::PluginsPath) + QStringLiteral("/platforms/libqoffscreen.so");
    ASSERT_TRUE(QFile::exists(offscreen)) << offscreen.toStdString();
    ChartPanels another(offscreen);
    EXPECT_EQ(another.create(DashboardPanel(), nullptr), nullptr);
    EXPECT_EQ(another.problem(), offscreen + QStringLiteral(" is not Vantage's charts plugin"));
}
