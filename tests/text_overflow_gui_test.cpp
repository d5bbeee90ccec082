#include "models/ActivityFeedModel.h"
#include "models/AlertModel.h"
#include "ui/PlainLabel.h"
#include "widgets/AlertItemDelegate.h"
#include "widgets/CardPainter.h"
#include "widgets/ConnectionBadge.h"
#include "widgets/CounterTile.h"
#include "widgets/FeedItemDelegate.h"
#include "widgets/MetricCard.h"
#include "widgets/Pill.h"
#include "widgets/ReplayTimeline.h"
#include "widgets/Sparkline.h"
#include "widgets/TextOverflow.h"
#include "widgets/TypeScale.h"

#include <QLabel>
#include <QListView>
#include <QStandardItemModel>
#include <QStyleOptionViewItem>

#include <gtest/gtest.h>

using namespace vantage;

namespace {

constexpr qint64 kNow = 1'700'000'000'000;

// Paints widget (and its visible children) as a screenshot would, and returns what it reported.
QStringList paintedReports(QWidget &widget)
{
    widget.grab();
    return TextOverflow::reported(&widget);
}

CounterTile *revenueTile(QWidget *parent = nullptr)
{
    auto *tile = new CounterTile(QStringLiteral("Revenue today"), parent);
    tile->setFormat(CounterTile::Format::Currency);
    tile->setCurrency(QStringLiteral("GBP"));
    tile->setValue(51'810);
    tile->setTrendPercent(12.0);
    tile->setSubtitle(QStringLiteral("42 payments"));
    return tile;
}

// The desk's point-sized font is scale 1; a kiosk window's font is sized in pixels.
QFont fontAtScale(double scale)
{
    return TypeScale::windowFont(QFont(), scale);
}

// scaled / today, for "about twice as large".
double ratio(int scaled, int today)
{
    return double(scaled) / double(today);
}

QStandardItem *alertRow(const QString &severity, const QString &message)
{
    auto *item = new QStandardItem;
    item->setData(int(Severity::Critical), AlertModel::SeverityRole);
    item->setData(severity, AlertModel::SeverityNameRole);
    item->setData(message, AlertModel::MessageRole);
    item->setData(true, AlertModel::IsOpenRole);
    item->setData(kNow - 5 * 60'000, AlertModel::RaisedAtRole);
    return item;
}

QStandardItem *feedRow(const QString &type, const QString &name, const QString &description)
{
    auto *item = new QStandardItem;
    item->setData(type, ActivityFeedModel::TypeRole);
    item->setData(name, ActivityFeedModel::UserNameRole);
    item->setData(description, ActivityFeedModel::DescriptionRole);
    item->setData(kNow, ActivityFeedModel::TimestampRole);
    item->setData(1'250.0, ActivityFeedModel::ValueRole);
    item->setData(QStringLiteral("GBP"), ActivityFeedModel::CurrencyRole);
    return item;
}

// A list of width `width` showing model's first row through delegate, painted once.
QStringList listReports(QAbstractItemDelegate &delegate, QStandardItemModel &model, int width)
{
    QListView view;
    view.setItemDelegate(&delegate);
    view.setModel(&model);
    view.resize(width, 200);
    view.visualRect(model.index(0, 0)); // lays the rows out before the grab paints them
    view.grab();
    return TextOverflow::reported(&view);
}

} // namespace

TEST(TextOverflow, NothingReportedBeforeAPaint)
{
    CounterTile tile(QStringLiteral("Revenue today"));
    tile.resize(40, 40);
    EXPECT_TRUE(TextOverflow::reported(&tile).isEmpty());
}

TEST(TextOverflow, NarrowCounterTileReportsCaptionAndValueAndEachPaintStartsAfresh)
{
    std::unique_ptr<CounterTile> tile(revenueTile());
    tile->resize(64, tile->minimumSizeHint().height());
    const QStringList narrow = paintedReports(*tile);
    EXPECT_TRUE(narrow.contains(tile->title())) << narrow.join(u'|').toStdString();
    EXPECT_TRUE(narrow.contains(tile->valueText())) << narrow.join(u'|').toStdString();
    EXPECT_TRUE(narrow.contains(tile->subtitle())) << narrow.join(u'|').toStdString();

    tile->resize(tile->sizeHint());
    EXPECT_EQ(paintedReports(*tile), QStringList());
}

TEST(TextOverflow, ShortCounterTileReportsTheLinesItCuts)
{
    std::unique_ptr<CounterTile> tile(revenueTile());
    tile->resize(tile->sizeHint().width(), tile->minimumSizeHint().height() / 2);
    const QStringList reports = paintedReports(*tile);
    EXPECT_TRUE(reports.contains(tile->subtitle())) << reports.join(u'|').toStdString();
    EXPECT_FALSE(reports.contains(tile->title())); // the top line still fits
}

TEST(TextOverflow, ValueShrinksBeforeItIsReported)
{
    // Wide enough for the value at a smaller size, not at its own: shrinking is not overflow.
    std::unique_ptr<CounterTile> tile(revenueTile());
    tile->setSubtitle(QString());
    tile->setTrendPercent(qQNaN());
    const QFont valueFont = CardPainter::valueFont(tile->font(), 28);
    const int valueWidth = QFontMetrics(valueFont).horizontalAdvance(tile->valueText());
    tile->resize(2 * CardPainter::padding + valueWidth * 3 / 4, tile->minimumSizeHint().height());
    ASSERT_LT(tile->width(), tile->sizeHint().width());
    EXPECT_FALSE(paintedReports(*tile).contains(tile->valueText()));
}

TEST(TextOverflow, MetricCardReportsCaptionLevelAndValueWhenNarrow)
{
    MetricCard card(QStringLiteral("Avg response"), QStringLiteral("ms"), HealthThresholds::responseTimeMs());
    card.setValue(2'400);
    card.resize(60, card.minimumSizeHint().height());
    const QStringList narrow = paintedReports(card);
    EXPECT_TRUE(narrow.contains(card.title())) << narrow.join(u'|').toStdString();
    EXPECT_TRUE(narrow.contains(card.levelText())) << narrow.join(u'|').toStdString();
    EXPECT_TRUE(narrow.contains(card.valueText())) << narrow.join(u'|').toStdString();

    card.resize(320, card.minimumSizeHint().height());
    EXPECT_EQ(paintedReports(card), QStringList());
}

TEST(TextOverflow, StaleMetricCardReportsItsAgeWhenNarrow)
{
    MetricCard card(QStringLiteral("Queue"), QString(), std::nullopt);
    card.setValue(3);
    card.setStaleAge(125'000);
    card.resize(100, card.minimumSizeHint().height());
    const QStringList reports = paintedReports(card);
    EXPECT_TRUE(reports.contains(card.staleText())) << reports.join(u'|').toStdString();

    card.resize(400, card.minimumSizeHint().height());
    EXPECT_EQ(paintedReports(card), QStringList());
}

TEST(TextOverflow, PlainLabelReportsTextWiderOrTallerThanItself)
{
    QWidget parent;
    QLabel *label = plainLabel(&parent, QStringLiteral("status.rate"));
    label->setText(QStringLiteral("1,234 events/s"));
    label->resize(label->sizeHint());
    EXPECT_EQ(paintedReports(*label), QStringList());

    label->resize(label->sizeHint().width() / 2, label->sizeHint().height());
    EXPECT_EQ(paintedReports(*label), QStringList{label->text()});
    label->resize(label->sizeHint().width(), label->sizeHint().height() / 2);
    EXPECT_EQ(paintedReports(*label), QStringList{label->text()});
}

TEST(TextOverflow, WrappedPlainLabelReportsLinesBelowItsHeight)
{
    QWidget parent;
    QLabel *label = plainLabel(&parent, QStringLiteral("rules.about"));
    label->setWordWrap(true);
    label->setText(
        QStringLiteral("Rules run in this window on the metrics it receives and raise local alerts."));
    label->resize(120, label->heightForWidth(120));
    EXPECT_EQ(paintedReports(*label), QStringList());

    label->resize(120, QFontMetrics(label->font()).height());
    EXPECT_EQ(paintedReports(*label), QStringList{label->text()});
}

TEST(TextOverflow, PlainLabelStaysPlainText)
{
    QWidget parent;
    QLabel *label = plainLabel(&parent, QStringLiteral("x"));
    EXPECT_EQ(label->textFormat(), Qt::PlainText);
    EXPECT_EQ(label->objectName(), QStringLiteral("x"));
}

TEST(TextOverflow, ConnectionBadgeReportsTextWhenNarrowerThanIt)
{
    ConnectionBadge badge;
    ConnectionStatus status;
    status.state = ConnectionState::Live;
    status.transport = QStringLiteral("websocket");
    badge.setStatus(status, kNow, 200);
    badge.resize(badge.sizeHint());
    EXPECT_EQ(paintedReports(badge), QStringList());

    badge.resize(badge.sizeHint().width() - 20, badge.sizeHint().height());
    EXPECT_EQ(paintedReports(badge), QStringList{badge.text()});
}

TEST(TextOverflow, PillReportsClippedText)
{
    Pill pill(QStringLiteral("DEMO"));
    pill.resize(pill.sizeHint());
    EXPECT_EQ(paintedReports(pill), QStringList());
    pill.resize(pill.sizeHint().width() / 2, pill.sizeHint().height());
    EXPECT_EQ(paintedReports(pill), QStringList{QStringLiteral("DEMO")});
}

TEST(TextOverflow, ReportedByNamesVisibleDescendantsOnly)
{
    QWidget window;
    window.resize(800, 200);
    CounterTile *roomy = revenueTile(&window);
    roomy->setObjectName(QStringLiteral("tile.revenue"));
    roomy->setGeometry(QRect(QPoint(0, 0), roomy->sizeHint()));
    auto *badge = new ConnectionBadge(&window);
    badge->setObjectName(QStringLiteral("connection"));
    badge->setGeometry(300, 0, 40, badge->sizeHint().height());
    auto *hidden = new Pill(QStringLiteral("DEMO"), &window);
    hidden->setObjectName(QStringLiteral("demo"));
    hidden->setGeometry(400, 0, 10, hidden->sizeHint().height());
    window.grab();
    ASSERT_EQ(TextOverflow::reported(hidden), QStringList{QStringLiteral("DEMO")});

    hidden->hide();
    EXPECT_EQ(TextOverflow::reportedBy(&window), QStringList{QStringLiteral("connection: ") + badge->text()});
}

TEST(TextOverflow, AlertRowsReportTheirFixedPartsNotTheMessage)
{
    AlertItemDelegate delegate(nullptr, [] { return kNow; });
    QStandardItemModel model;
    model.appendRow(alertRow(QStringLiteral("critical"), QString(400, u'x')));

    // A wide row elides the long message by design: that is not overflow.
    EXPECT_EQ(listReports(delegate, model, 600), QStringList());
    // Too narrow for the severity label and the age side by side: the age is cut.
    const QStringList narrow = listReports(delegate, model, 90);
    EXPECT_TRUE(narrow.contains(QStringLiteral("5 min ago"))) << narrow.join(u'|').toStdString();
}

TEST(TextOverflow, FeedRowsReportTheirFixedPartsNotNamesOrDescriptions)
{
    FeedItemDelegate delegate;
    QStandardItemModel model;
    model.appendRow(feedRow(QStringLiteral("payment"), QString(80, u'n'), QString(400, u'd')));

    EXPECT_EQ(listReports(delegate, model, 700), QStringList());
    const QStringList narrow = listReports(delegate, model, 60);
    EXPECT_TRUE(narrow.contains(QStringLiteral("PAYMENT"))) << narrow.join(u'|').toStdString();
}

TEST(TextOverflow, RowsNoLongerShownAreNotReported)
{
    FeedItemDelegate delegate;
    QStandardItemModel model;
    model.appendRow(feedRow(QStringLiteral("payment"), QStringLiteral("anna"), QString()));
    QListView view;
    view.setItemDelegate(&delegate);
    view.setModel(&model);
    view.resize(60, 200);
    view.visualRect(model.index(0, 0));
    view.grab();
    ASSERT_FALSE(TextOverflow::reported(&view).isEmpty());

    model.removeRow(0);
    EXPECT_EQ(TextOverflow::reported(&view), QStringList());
}

// Today's sizes, measured before the type scale existed (offscreen, 96 DPI, the default 9 pt font):
// at scale 1 nothing moves by a pixel.
TEST(TypeScaleWidgets, SizeHintsAtScaleOneAreTodays)
{
    CounterTile tile(QStringLiteral("Signups today"));
    EXPECT_EQ(tile.sizeHint(), QSize(200, 142));
    EXPECT_EQ(tile.minimumSizeHint(), QSize(150, 142));
    MetricCard card(QStringLiteral("Avg response"), QStringLiteral("ms"), std::nullopt);
    EXPECT_EQ(card.sizeHint(), QSize(180, 105));
    EXPECT_EQ(card.minimumSizeHint(), QSize(140, 105));
    ConnectionBadge badge;
    EXPECT_EQ(badge.sizeHint(), QSize(138, 26));
    Pill pill(QStringLiteral("DEMO"));
    EXPECT_EQ(pill.sizeHint(), QSize(61, 23));
    ReplayTimeline timeline;
    EXPECT_EQ(timeline.sizeHint(), QSize(480, 56));
    EXPECT_EQ(timeline.minimumSizeHint(), QSize(160, 40));
    Sparkline line;
    EXPECT_EQ(line.sizeHint(), QSize(120, 32));

    QStandardItemModel model(1, 1);
    QStyleOptionViewItem option;
    option.font = QFont();
    EXPECT_EQ(AlertItemDelegate().sizeHint(option, model.index(0, 0)), QSize(280, 48));
    EXPECT_EQ(FeedItemDelegate().sizeHint(option, model.index(0, 0)), QSize(320, 32));
}

TEST(TypeScaleWidgets, SizeHintsAboutDoubleAtScaleTwo)
{
    const QFont twice = fontAtScale(2.0);
    const auto expectAboutTwice = [](QSize scaled, QSize today, const char *what) {
        EXPECT_GE(ratio(scaled.width(), today.width()), 1.8) << what;
        EXPECT_LE(ratio(scaled.width(), today.width()), 2.3) << what;
        EXPECT_GE(ratio(scaled.height(), today.height()), 1.8) << what;
        EXPECT_LE(ratio(scaled.height(), today.height()), 2.3) << what;
    };
    CounterTile tile(QStringLiteral("Signups today"));
    tile.setFont(twice);
    expectAboutTwice(tile.sizeHint(), QSize(200, 142), "tile");
    expectAboutTwice(tile.minimumSizeHint(), QSize(150, 142), "tile minimum");
    MetricCard card(QStringLiteral("Avg response"), QStringLiteral("ms"), std::nullopt);
    card.setFont(twice);
    expectAboutTwice(card.sizeHint(), QSize(180, 105), "card");
    ConnectionBadge badge;
    badge.setFont(twice);
    expectAboutTwice(badge.sizeHint(), QSize(138, 26), "badge");
    Pill pill(QStringLiteral("DEMO"));
    pill.setFont(twice);
    expectAboutTwice(pill.sizeHint(), QSize(61, 23), "pill");
    ReplayTimeline timeline;
    timeline.setFont(twice);
    expectAboutTwice(timeline.sizeHint(), QSize(480, 56), "timeline");
    Sparkline line;
    line.setFont(twice);
    expectAboutTwice(line.sizeHint(), QSize(120, 32), "sparkline");

    QStandardItemModel model(1, 1);
    QStyleOptionViewItem option;
    option.font = twice;
    expectAboutTwice(AlertItemDelegate().sizeHint(option, model.index(0, 0)), QSize(280, 48), "alert row");
    expectAboutTwice(FeedItemDelegate().sizeHint(option, model.index(0, 0)), QSize(320, 32), "feed row");
}

TEST(TypeScaleWidgets, ScaledTilesAtTheirSizeHintsCutNothing)
{
    for (const double scale : {1.5, 2.0, 3.0}) {
        std::unique_ptr<CounterTile> tile(revenueTile());
        tile->setFont(fontAtScale(scale));
        tile->resize(tile->sizeHint());
        EXPECT_EQ(paintedReports(*tile), QStringList()) << scale;

        MetricCard card(QStringLiteral("Avg response"), QStringLiteral("ms"),
                        HealthThresholds::responseTimeMs());
        card.setValue(120);
        card.setStaleAge(125'000);
        card.setFont(fontAtScale(scale));
        card.resize(card.sizeHint());
        EXPECT_EQ(paintedReports(card), QStringList()) << scale;
    }
}
