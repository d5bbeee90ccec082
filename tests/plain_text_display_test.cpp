#include "feed/FeedBatch.h"
#include "models/ActivityFeedModel.h"
#include "models/AlertModel.h"
#include "models/DashboardModels.h"
#include "models/FeedFilterProxy.h"
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

#include <gtest/gtest.h>

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

// The literal as a single-row view shows it: the models fold line breaks into spaces.
QString oneLine(const QString &text)
{
    QString copy = text;
    return copy.replace(QLatin1Char('\n'), QLatin1Char(' '));
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

int inkPixels(const QImage &image)
{
    const QRgb background = Theme::dark().surface.rgb();
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) != background ? 1 : 0;
    }
    return count;
}

struct Fixture
{
    DashboardModels models;
    QAbstractItemModelTester feedTester{models.feed(), QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester filteredTester{models.filteredFeed(),
                                            QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester alertTester{models.alerts(), QAbstractItemModelTester::FailureReportingMode::Fatal};
    MainWindow window{&models};

    Fixture()
    {
        window.resize(1280, 800);
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        models.applyBatch(hostileBatch(systemNowMs()));
    }
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
        EXPECT_TRUE(index.data(Qt::DisplayRole).toString().contains(oneLine(literal)))
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
    Fixture f;
    FeedItemDelegate feedDelegate;
    AlertItemDelegate alertDelegate;
    const QAbstractItemModel *feed = f.models.filteredFeed();
    const QAbstractItemModel *alerts = f.models.alerts();
    for (int row = 0; row < hostileCount; ++row) {
        const QImage feedRow = renderRow(feedDelegate, feed->index(row, 0), QSize(640, 34));
        EXPECT_GT(inkPixels(feedRow), 200) << "feed row " << row;
        const QImage alertRow = renderRow(alertDelegate, alerts->index(row, 0), QSize(420, 52));
        EXPECT_GT(inkPixels(alertRow), 200) << "alert row " << row;
    }
}

TEST(PlainTextDisplay, MarkupIsDrawnAsCharactersNotInterpreted)
{
    // "<b>x</b>" drawn literally is much wider than a bold "x" would be: compare the ink
    // of a row holding the markup with one holding only the letter.
    Fixture f;
    ActivityFeedModel model(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    LiveEvent markup;
    markup.type = QStringLiteral("signup");
    markup.userName = QStringLiteral("<b>x</b>");
    LiveEvent letter = markup;
    letter.userName = QStringLiteral("x");
    model.appendBatch({FeedItem{0, 1, markup}, FeedItem{0, 2, letter}});
    FeedItemDelegate delegate;
    const QImage letterRow = renderRow(delegate, model.index(0, 0), QSize(640, 34));
    const QImage markupRow = renderRow(delegate, model.index(1, 0), QSize(640, 34));
    EXPECT_GT(inkPixels(markupRow), inkPixels(letterRow) + 40);
}
