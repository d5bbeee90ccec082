#include "ui/ForecastDialog.h"
#include "widgets/ForecastChart.h"
#include "widgets/ForecastChartLayout.h"

#include <QDateTime>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>

// The load forecast dialog: loading, error and forecast states, its rows and its chart.

using namespace vantage;

namespace {

constexpr qint64 kHour = HourlyLoad::kHourMs;
const QTimeZone kZone(0);

// Monday 1 June 2026, 00:00 UTC.
qint64 mondayMs()
{
    return QDateTime(QDate(2026, 6, 1), QTime(0, 0), kZone).toMSecsSinceEpoch();
}

// `days` days from mondayMs(), each hour covered by heartbeats at its edges, with `events(hour)`.
HourlyLoad history(int days, const std::function<qint64(int hourOfDay)> &events)
{
    HourlyLoad load(kZone);
    for (int i = 0; i < days * 24; ++i) {
        const qint64 start = mondayMs() + i * kHour;
        load.addFrame(start, false);
        for (qint64 k = 0; k < events(i % 24); ++k)
            load.addFrame(start + 1000 + k, true);
        load.addFrame(start + kHour - 1000, false);
    }
    return load;
}

// Three weeks of 100 events an hour and 1,240 at 18:00, read on a Monday at 16:20.
LoadForecast peakForecast()
{
    const HourlyLoad load = history(21, [](int hourOfDay) -> qint64 { return hourOfDay == 18 ? 1240 : 100; });
    return LoadForecast::compute(load, mondayMs() + 21 * 24 * kHour + 16 * kHour + 20 * 60'000);
}

LoadForecast tooShortForecast()
{
    const HourlyLoad load = history(2, [](int) -> qint64 { return 100; });
    return LoadForecast::compute(load, mondayMs() + 2 * 24 * kHour + 9 * kHour);
}

QLabel *label(const QWidget &dialog, const QString &name)
{
    return dialog.findChild<QLabel *>(name);
}

QString text(const QWidget &dialog, const QString &name)
{
    const QLabel *found = label(dialog, name);
    return found ? found->text() : QStringLiteral("<missing %1>").arg(name);
}

int colourDistance(QRgb a, const QColor &b)
{
    return std::abs(qRed(a) - b.red()) + std::abs(qGreen(a) - b.green()) + std::abs(qBlue(a) - b.blue());
}

QImage rendered(ForecastChart &chart)
{
    QImage image(chart.size(), QImage::Format_RGB32);
    chart.render(&image);
    return image;
}

} // namespace

TEST(ForecastDialogGui, ShowsTheHistoryBeingReadThenTheForecast)
{
    ForecastDialog dialog;
    dialog.setLoading(QStringLiteral("/logs/<b>june</b>.ndjson"));
    dialog.show();
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.summary")), QStringLiteral("Reading the history\u2026"));
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.source")),
              QStringLiteral("History from /logs/<b>june</b>.ndjson"));
    EXPECT_EQ(label(dialog, QStringLiteral("forecast.source"))->textFormat(), Qt::PlainText);
    EXPECT_FALSE(dialog.chart()->isVisible());
    auto *refresh = dialog.findChild<QPushButton *>(QStringLiteral("forecast.refresh"));
    ASSERT_NE(refresh, nullptr);
    EXPECT_FALSE(refresh->isEnabled());
    EXPECT_FALSE(dialog.isModal());

    dialog.setProgress(420);
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.summary")),
              QStringLiteral("Reading the history\u2026 42 %"));

    const LoadForecast forecast = peakForecast();
    dialog.setForecast(forecast);
    EXPECT_EQ(
        text(dialog, QStringLiteral("forecast.summary")),
        QStringLiteral("Peak expected 18:00\u201319:00: ~1,240 events/h (same weekday and hour, 3 weeks)"));
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.history")),
              QStringLiteral("History: 504 h covered, 1 Jun 00:00 \u2013 22 Jun 00:00"));
    EXPECT_TRUE(dialog.chart()->isVisible());
    EXPECT_TRUE(refresh->isEnabled());

    EXPECT_EQ(text(dialog, QStringLiteral("forecast.hour.2.time")), QStringLiteral("18:00\u201319:00"));
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.hour.2.expected")), QStringLiteral("~1,240 events/h"));
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.hour.2.range")), QStringLiteral("1,240\u20131,240"));
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.hour.2.basis")),
              QStringLiteral("same weekday and hour, 3 weeks"));
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.hour.2.peak")), QStringLiteral("peak"));
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.hour.1.peak")), QString());
    EXPECT_TRUE(label(dialog, QStringLiteral("forecast.hour.2.basis"))->property("peak").toBool());
    for (const QLabel *row :
         dialog.findChild<QWidget *>(QStringLiteral("forecast.hours"))->findChildren<QLabel *>())
        EXPECT_EQ(row->textFormat(), Qt::PlainText) << row->objectName().toStdString();
}

TEST(ForecastDialogGui, SaysPlainlyWhenTheHistoryIsTooShort)
{
    ForecastDialog dialog;
    dialog.show();
    dialog.setForecast(tooShortForecast());
    EXPECT_FALSE(dialog.chart()->isVisible());
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.summary")),
              QStringLiteral("History covers 48 h; a forecast needs the same hour on at least 3 days"));
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.hour.0.basis")),
              QStringLiteral("too little history: 2 days cover this hour, a forecast needs 3"));
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.hour.0.expected")), QStringLiteral("\u2013"));
    EXPECT_TRUE(label(dialog, QStringLiteral("forecast.hour.0.basis"))->property("muted").toBool());

    const std::optional<ForecastChartLayout> layout = dialog.chart()->chartLayout();
    ASSERT_TRUE(layout);
    ASSERT_EQ(layout->columns.size(), 6u);
    for (const ForecastChartLayout::Column &column : layout->columns)
        EXPECT_TRUE(column.bar.isEmpty());
    EXPECT_FALSE(layout->thresholdY);
}

TEST(ForecastDialogGui, ShowsWhyTheHistoryCouldNotBeRead)
{
    ForecastDialog dialog;
    dialog.setForecast(peakForecast());
    const QString error = QStringLiteral("Replay file /logs/<i>gone</i>.ndjson does not exist");
    dialog.setError(error);
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.summary")), error);
    EXPECT_EQ(label(dialog, QStringLiteral("forecast.summary"))->textFormat(), Qt::PlainText);
    EXPECT_FALSE(dialog.chart()->chartLayout());
    EXPECT_EQ(label(dialog, QStringLiteral("forecast.hour.0.time")), nullptr);
    EXPECT_TRUE(text(dialog, QStringLiteral("forecast.history")).isEmpty());
}

TEST(ForecastDialogGui, ANewForecastReplacesTheRows)
{
    ForecastDialog dialog;
    dialog.setForecast(peakForecast());
    ASSERT_NE(label(dialog, QStringLiteral("forecast.hour.5.time")), nullptr);
    const HourlyLoad load = history(21, [](int) -> qint64 { return 100; });
    dialog.setForecast(LoadForecast::compute(load, mondayMs() + 21 * 24 * kHour + 16 * kHour, 3));
    EXPECT_EQ(label(dialog, QStringLiteral("forecast.hour.5.time")), nullptr);
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.hour.2.time")), QStringLiteral("18:00\u201319:00"));
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.hour.2.peak")), QString());
    EXPECT_EQ(text(dialog, QStringLiteral("forecast.summary")),
              QStringLiteral("No peak expected in the next 3 h"));
}

TEST(ForecastDialogGui, RefreshAsksForANewForecast)
{
    ForecastDialog dialog;
    dialog.setForecast(peakForecast());
    QSignalSpy refresh(&dialog, &ForecastDialog::refreshRequested);
    dialog.findChild<QPushButton *>(QStringLiteral("forecast.refresh"))->click();
    EXPECT_EQ(refresh.count(), 1);
}

TEST(ForecastChartLayout, PlacesBarsRangesAndThePeakThreshold)
{
    const LoadForecast forecast = peakForecast();
    const ForecastChartLayout layout = ForecastChartLayout::fit(forecast, QRectF(0, 0, 600, 220), 20);

    EXPECT_EQ(layout.plot, QRectF(0, 0, 600, 200));
    EXPECT_DOUBLE_EQ(layout.maxValue, 1240 * 1.1);
    ASSERT_EQ(layout.columns.size(), 6u);
    for (std::size_t i = 0; i < layout.columns.size(); ++i) {
        const ForecastChartLayout::Column &column = layout.columns[i];
        EXPECT_DOUBLE_EQ(column.area.left(), 100.0 * double(i));
        EXPECT_DOUBLE_EQ(column.bar.bottom(), 200.0);
        EXPECT_DOUBLE_EQ(column.bar.top(), layout.yFor(forecast.hours[i].expected));
        EXPECT_DOUBLE_EQ(column.bar.width(), 60.0);
        EXPECT_DOUBLE_EQ(column.range.x1(), column.area.center().x());
        EXPECT_EQ(column.label, QRectF(100.0 * double(i), 200, 100, 20));
    }
    EXPECT_LT(layout.columns[2].bar.top(), layout.columns[1].bar.top());
    ASSERT_TRUE(layout.thresholdY);
    EXPECT_DOUBLE_EQ(*layout.thresholdY, layout.yFor(150.0));
    EXPECT_DOUBLE_EQ(layout.yFor(0.0), 200.0);
    EXPECT_DOUBLE_EQ(layout.yFor(layout.maxValue), 0.0);
}

TEST(ForecastChartGui, PaintsThePeakInTheWarningColourAndFollowsTheTheme)
{
    ForecastChart chart;
    chart.resize(480, 200);
    chart.setTheme(Theme::light());
    chart.setForecast(peakForecast());
    const std::optional<ForecastChartLayout> layout = chart.chartLayout();
    ASSERT_TRUE(layout);

    QImage image = rendered(chart);
    const QPoint peakInside =
        layout->columns[2].bar.center().toPoint() + QPoint(layout->columns[2].bar.width() / 4, 0);
    const QPoint calmInside =
        layout->columns[1].bar.center().toPoint() + QPoint(layout->columns[1].bar.width() / 4, 0);
    EXPECT_LT(colourDistance(image.pixel(peakInside), Theme::light().warning), 12);
    EXPECT_GT(colourDistance(image.pixel(calmInside), Theme::light().warning), 60);
    EXPECT_LT(colourDistance(image.pixel(2, 2), Theme::light().surface), 6);

    chart.setTheme(Theme::dark());
    image = rendered(chart);
    EXPECT_LT(colourDistance(image.pixel(2, 2), Theme::dark().surface), 6);
    EXPECT_LT(colourDistance(image.pixel(peakInside), Theme::dark().warning), 12);
}
