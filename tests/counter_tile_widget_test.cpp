#include "widgets/CounterTile.h"
#include "widgets/MetricCard.h"
#include "widgets/Sparkline.h"
#include "widgets/ValueFormat.h"

#include <QImage>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

// Counts pixels that differ from the top-left one (the tile's corner is the window behind it,
// so sample the centre of the surface instead).
int inkPixels(const QImage &image)
{
    const QRgb surface = image.pixel(image.width() / 2, 4);
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) != surface)
                ++count;
        }
    }
    return count;
}

} // namespace

TEST(ValueFormat, CountsAndCurrency)
{
    EXPECT_EQ(ValueFormat::count(0), QStringLiteral("0"));
    EXPECT_EQ(ValueFormat::count(12'340), QStringLiteral("12,340"));
    EXPECT_EQ(ValueFormat::count(1'250'000), QStringLiteral("1.25M"));
    EXPECT_EQ(ValueFormat::count(qQNaN()), QStringLiteral("\u2014"));
    EXPECT_EQ(ValueFormat::currency(12'340, QStringLiteral("GBP")), QStringLiteral("\u00a312,340"));
    EXPECT_EQ(ValueFormat::currency(250.5, QStringLiteral("GBP")), QStringLiteral("\u00a3250.50"));
    EXPECT_EQ(ValueFormat::currency(51'810.4, QStringLiteral("GBP")), QStringLiteral("\u00a351,810"));
    EXPECT_EQ(ValueFormat::currency(99, QStringLiteral("usd")), QStringLiteral("$99"));
    EXPECT_EQ(ValueFormat::currency(5, QStringLiteral("CHF")), QStringLiteral("CHF 5"));
}

TEST(ValueFormat, Trend)
{
    EXPECT_EQ(ValueFormat::trend(12.2), QStringLiteral("\u25b2 12% vs prev. hour"));
    EXPECT_EQ(ValueFormat::trend(-4.5), QStringLiteral("\u25bc 4.5% vs prev. hour"));
    EXPECT_EQ(ValueFormat::trend(0.01), QStringLiteral("0% vs prev. hour"));
    EXPECT_EQ(ValueFormat::trend(qQNaN()), QStringLiteral("\u2014"));
}

TEST(ValueFormat, Duration)
{
    EXPECT_EQ(ValueFormat::duration(59'999), QStringLiteral("59 s"));
    EXPECT_EQ(ValueFormat::duration(60'000), QStringLiteral("1 min"));
    EXPECT_EQ(ValueFormat::duration(2 * 3'600'000), QStringLiteral("2 h"));
    EXPECT_EQ(ValueFormat::duration(-5), QStringLiteral("0 s"));
}

TEST(CounterTile, FormatsValueAndTrend)
{
    CounterTile tile(QStringLiteral("Revenue today"));
    EXPECT_EQ(tile.valueText(), QStringLiteral("\u2014"));
    tile.setFormat(CounterTile::Format::Currency);
    tile.setCurrency(QStringLiteral("GBP"));
    tile.setValue(12'340);
    tile.setTrendPercent(12.0);
    EXPECT_EQ(tile.valueText(), QStringLiteral("\u00a312,340"));
    EXPECT_EQ(tile.trendText(), QStringLiteral("\u25b2 12% vs prev. hour"));
    tile.setTrendPercent(qQNaN());
    EXPECT_EQ(tile.trendText(), QStringLiteral("\u2014"));
}

TEST(CounterTile, PaintsValueAndSparkline)
{
    CounterTile tile(QStringLiteral("Signups today"));
    tile.setValue(42);
    tile.resize(220, tile.minimumSizeHint().height());
    QImage empty(tile.size(), QImage::Format_ARGB32);
    empty.fill(Qt::transparent);
    tile.render(&empty);

    std::vector<double> history(60, 0.0);
    history[30] = 10.0;
    history[59] = 4.0;
    tile.setHistory(history);
    QImage withHistory(tile.size(), QImage::Format_ARGB32);
    withHistory.fill(Qt::transparent);
    tile.render(&withHistory);
    EXPECT_GT(inkPixels(empty), 0);
    EXPECT_GT(inkPixels(withHistory), inkPixels(empty)); // the sparkline adds ink
}

TEST(MetricCard, LevelsAndValueText)
{
    MetricCard card(QStringLiteral("Avg response"), QStringLiteral("ms"), HealthThresholds::responseTimeMs());
    EXPECT_EQ(card.level(), HealthLevel::Unknown);
    EXPECT_EQ(card.levelText(), QStringLiteral("NO DATA"));
    card.setValue(120);
    EXPECT_EQ(card.level(), HealthLevel::Ok);
    EXPECT_EQ(card.valueText(), QStringLiteral("120\u2009ms"));
    card.setValue(800);
    EXPECT_EQ(card.levelText(), QStringLiteral("WARN"));
    card.setValue(2'400);
    EXPECT_EQ(card.levelText(), QStringLiteral("CRITICAL"));
    EXPECT_EQ(card.valueText(), QStringLiteral("2,400\u2009ms"));

    MetricCard errors(QStringLiteral("Error rate"), QStringLiteral("%"), HealthThresholds::errorRatePercent());
    errors.setDecimals(2);
    errors.setValue(1.5);
    EXPECT_EQ(errors.valueText(), QStringLiteral("1.50%"));
    EXPECT_EQ(errors.level(), HealthLevel::Warning);

    MetricCard requests(QStringLiteral("Requests/s"), QStringLiteral("/s"), std::nullopt);
    requests.setValue(1'234);
    EXPECT_EQ(requests.level(), HealthLevel::Ok);
}

TEST(Sparkline, PaintsOnlyWithData)
{
    const auto redPixels = [](QWidget &widget) {
        QImage image(widget.size(), QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        widget.render(&image, QPoint(), QRegion(), QWidget::RenderFlags()); // no window background
        int red = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                red += qRed(image.pixel(x, y)) > 128 && qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
        }
        return red;
    };
    Sparkline line;
    line.setColor(Qt::red);
    line.resize(120, 32);
    EXPECT_EQ(redPixels(line), 0);

    line.setValues({1.0, 3.0, 2.0, 5.0, qQNaN(), 4.0, 6.0});
    ASSERT_EQ(line.values().size(), 7u);
    EXPECT_GT(redPixels(line), 100);
}
