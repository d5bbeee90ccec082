#include "feed/FeedBatch.h"
#include "models/ActivityFeedModel.h"
#include "models/AlertModel.h"
#include "models/DashboardModels.h"
#include "models/FeedFilterProxy.h"
#include "models/PlainText.h"
#include "ui/MainWindow.h"
#include "widgets/AlertItemDelegate.h"
#include "widgets/FeedItemDelegate.h"
#include "widgets/Theme.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTextDocument>

#include "support/OverviewFixture.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace vantage;

namespace {

const QString hostile[] = {
    QStringLiteral("<b>x</b>"),
    QStringLiteral("<img src=http://127.0.0.1:9/x>"),
    QStringLiteral("line1\n<b>z</b>"),
    QStringLiteral("Tom & Jerry"),
};
constexpr int hostileCount = int(std::size(hostile));

FeedBatch hostileBatch(qint64 now)
{
    FeedBatch batch;
    qint64 seq = 1;
    for (const QString &text : hostile) {
        LiveEvent e;
        e.id = QStringLiteral("e%1").arg(seq);
        e.type = QStringLiteral("payment");
        e.userName = text;
        e.description = text;
        e.value = 10.0;
        e.currency = QStringLiteral("GBP");
        Message m;
        m.kind = MessageKind::Event;
        m.seq = seq++;
        m.tsMs = now;
        m.body = e;
        batch.messages.push_back(m);
    }
    for (const QString &text : hostile) {
        AlertInfo a;
        a.id = QStringLiteral("a%1").arg(seq);
        a.severity = Severity::Error;
        a.message = text;
        a.affectedUsers = 3;
        Message m;
        m.kind = MessageKind::Alert;
        m.seq = seq++;
        m.tsMs = now;
        m.body = a;
        batch.messages.push_back(m);
    }
    batch.lastFrameMs = now;
    return batch;
}

QString tooltipAsRichText(const QModelIndex &index)
{
    QTextDocument doc;
    doc.setHtml(index.data(Qt::ToolTipRole).toString());
    return doc.toPlainText();
}

bool sameText(const QString &a, const QString &b)
{
    // QTextDocument turns line breaks into paragraph separators or spaces; compare modulo whitespace.
    return a.simplified() == b.simplified();
}

template<typename Delegate>
QImage renderRow(Delegate &delegate, const QModelIndex &index, QSize size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Theme::dark().surface);
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = QRect(QPoint(0, 0), size);
    option.font = QFont();
    option.state = QStyle::State_Enabled;
    delegate.paint(&painter, option, index);
    painter.end();
    return image;
}

// The width of the columns in which two renderings differ: the ink of the one field that
// differs between them. 0 when they are identical.
int inkWidthBetween(const QImage &a, const QImage &b)
{
    int left = a.width();
    int right = -1;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            if (a.pixel(x, y) != b.pixel(x, y)) {
                left = std::min(left, x);
                right = std::max(right, x);
            }
        }
    }
    return right < left ? 0 : right - left + 1;
}

// What a label that interprets rich text would show instead of the literal.
QString asRichText(const QString &text)
{
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

constexpr qint64 raisedAtMs = 1'700'000'000'000;
const QSize feedRowSize(1000, 34);
const QSize alertRowSize(900, 52);

// A feed row whose description is `description`; everything else is fixed.
QImage feedRowWithDescription(const QString &description)
{
    ActivityFeedModel model(1);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    LiveEvent e;
    e.type = QStringLiteral("payment");
    e.userName = QStringLiteral("Ann");
    e.description = description;
    model.appendBatch({FeedItem{raisedAtMs, 1, e}});
    FeedItemDelegate delegate;
    return renderRow(delegate, model.index(0, 0), feedRowSize);
}

// An alert row whose message is `message`, drawn at a fixed time so its age does not move.
QImage alertRowWithMessage(const QString &message)
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    AlertInfo a;
    a.id = QStringLiteral("a");
    a.severity = Severity::Error;
    a.message = message;
    a.affectedUsers = 3;
    model.applyAlerts(raisedAtMs, {a});
    AlertItemDelegate delegate(nullptr, [] { return raisedAtMs + 5'000; });
    return renderRow(delegate, model.index(0), alertRowSize);
}

struct Fixture : test::OverviewFixture
{
    Fixture() { models.applyBatch(hostileBatch(systemNowMs())); }
};

} // namespace

TEST(PlainTextDisplay, FeedRowsKeepTheLiteralStrings)
{
    Fixture f;
    auto *view = f.window.findChild<QListView *>(QStringLiteral("feed.view"));
    ASSERT_NE(view, nullptr);
    const QAbstractItemModel *model = view->model();
    ASSERT_EQ(model->rowCount(), hostileCount);
    for (int row = 0; row < hostileCount; ++row) {
        // Newest first: the last hostile string is in row 0.
        const QString literal = hostile[hostileCount - 1 - row];
        const QModelIndex index = model->index(row, 0);
        EXPECT_EQ(index.data(ActivityFeedModel::UserNameRole).toString(), literal);
        EXPECT_EQ(index.data(ActivityFeedModel::DescriptionRole).toString(), literal);
        EXPECT_TRUE(index.data(Qt::DisplayRole).toString().contains(singleLine(literal)))
            << qPrintable(index.data(Qt::DisplayRole).toString());
        const QString shown = tooltipAsRichText(index);
        EXPECT_TRUE(sameText(shown, literal) || shown.simplified().contains(literal.simplified()))
            << qPrintable(shown);
    }
    // The pointed case of the brief, spelled out.
    const QModelIndex bold = model->index(hostileCount - 1, 0);
    EXPECT_TRUE(tooltipAsRichText(bold).contains(QStringLiteral("<b>x</b>")));
}

TEST(PlainTextDisplay, AlertRowsKeepTheLiteralStrings)
{
    Fixture f;
    auto *view = f.window.findChild<QListView *>(QStringLiteral("alerts.view"));
    ASSERT_NE(view, nullptr);
    const QAbstractItemModel *model = view->model();
    ASSERT_EQ(model->rowCount(), hostileCount);
    QStringList shown;
    for (int row = 0; row < hostileCount; ++row) {
        const QModelIndex index = model->index(row, 0);
        shown << index.data(Qt::DisplayRole).toString();
        EXPECT_EQ(index.data(Qt::DisplayRole).toString(), index.data(AlertModel::MessageRole).toString());
        const QString tooltip = tooltipAsRichText(index);
        EXPECT_TRUE(tooltip.simplified().contains(index.data(AlertModel::MessageRole).toString().simplified()))
            << qPrintable(tooltip);
    }
    for (const QString &literal : hostile)
        EXPECT_TRUE(shown.contains(literal)) << qPrintable(literal);
}

TEST(PlainTextDisplay, DelegatesPaintHostileStrings)
{
    // Each field is drawn once with the literal, once empty and once as rich text would show
    // it. The literal's ink must be as wide as the literal set in the row's font, and clearly
    // wider than the interpreted text wherever interpreting would change it.
    const QFontMetrics metrics{QFont()};
    const QImage feedBlank = feedRowWithDescription(QString());
    const QImage alertBlank = alertRowWithMessage(QString());
    for (const QString &literal : hostile) {
        const int expected = metrics.horizontalAdvance(singleLine(literal));
        const QString interpreted = asRichText(literal);
        const bool markup = interpreted.simplified() != singleLine(literal).simplified();

        const int feedInk = inkWidthBetween(feedRowWithDescription(literal), feedBlank);
        EXPECT_NEAR(feedInk, expected, 6) << "feed: " << qPrintable(literal);
        if (markup) {
            EXPECT_GT(feedInk, inkWidthBetween(feedRowWithDescription(interpreted), feedBlank) + 10)
                << "feed: " << qPrintable(literal);
        }

        const int alertInk = inkWidthBetween(alertRowWithMessage(literal), alertBlank);
        EXPECT_NEAR(alertInk, expected, 6) << "alert: " << qPrintable(literal);
        if (markup) {
            EXPECT_GT(alertInk, inkWidthBetween(alertRowWithMessage(interpreted), alertBlank) + 10)
                << "alert: " << qPrintable(literal);
        }
    }
}

TEST(PlainTextDisplay, MarkupIsDrawnAsCharactersNotInterpreted)
{
    // "<b>x</b>" drawn literally is much wider than a bold "x" would be: compare the ink of
    // the name column holding the markup with one holding only the letter.
    ActivityFeedModel model(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    LiveEvent markup;
    markup.type = QStringLiteral("signup");
    markup.userName = QStringLiteral("<b>x</b>");
    LiveEvent letter = markup;
    letter.userName = QStringLiteral("x");
    LiveEvent nameless = markup;
    nameless.userName.clear();
    model.appendBatch({FeedItem{0, 1, markup}, FeedItem{0, 2, letter}, FeedItem{0, 3, nameless}});
    FeedItemDelegate delegate;
    const QSize size(640, 34);
    const QImage blank = renderRow(delegate, model.index(0, 0), size);
    const int letterInk = inkWidthBetween(renderRow(delegate, model.index(1, 0), size), blank);
    const int markupInk = inkWidthBetween(renderRow(delegate, model.index(2, 0), size), blank);
    EXPECT_GT(letterInk, 0);
    EXPECT_GT(markupInk, 4 * letterInk);
}
