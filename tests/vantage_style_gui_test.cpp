#include "support/ImagePixels.h"
#include "support/MappedLibraries.h"
#include "support/OverviewFixture.h"
#include "widgets/Theme.h"
#include "widgets/VantageStyle.h"

#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QStatusBar>
#include <QStyleOptionSlider>
#include <QToolButton>

#include <gtest/gtest.h>

#include <functional>

// The window's chrome, drawn by VantageStyle from the theme's palette and the widgets' dynamic
// properties instead of a style sheet: the type of titled labels at every type scale, muted
// labels, frameless lists, the thin scroll bar without arrows, and panels painted as cards.

using vantage::MainWindow;
using vantage::Theme;
using vantage::VantageStyle;
using vantage::test::libraryMapped;
using vantage::test::OverviewFixture;
using vantage::test::pixelsWhere;

namespace {

QLabel *label(QWidget *parent, const QString &name, const char *property = nullptr)
{
    auto *result = new QLabel(QStringLiteral("Live activity"), parent);
    result->setObjectName(name);
    if (property)
        result->setProperty(property, true);
    return result;
}

// A scroll bar over 0 to 300 with a page of 100, at its start.
QStyleOptionSlider scrollBar(Qt::Orientation orientation, const QRect &rect)
{
    QStyleOptionSlider bar;
    bar.orientation = orientation;
    bar.rect = rect;
    bar.minimum = 0;
    bar.maximum = 300;
    bar.pageStep = 100;
    bar.sliderPosition = 0;
    return bar;
}

// The widget painted on a transparent image, without the window background a top level gets.
QImage renderedAlone(QWidget &widget)
{
    QImage image(widget.size(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    widget.render(&image, QPoint(), QRegion(), QWidget::DrawChildren);
    return image;
}

} // namespace

TEST(VantageStyle, TitledLabelsTakeTheirTypeAtTheScaleOfTheirParentsFont)
{
    VantageStyle style;
    QWidget desk;
    QLabel *title = label(&desk, QStringLiteral("panelTitle"));
    QLabel *byProperty = label(&desk, QString(), "panelTitle");
    QLabel *product = label(&desk, QStringLiteral("productName"));
    QLabel *clock = label(&desk, QStringLiteral("clock"));
    QLabel *plain = label(&desk, QStringLiteral("other"));
    for (QWidget *widget : {title, byProperty, product, clock, plain})
        style.polish(widget);
    EXPECT_EQ(title->font().pixelSize(), 14);
    EXPECT_EQ(title->font().weight(), QFont::Bold);
    EXPECT_EQ(byProperty->font().pixelSize(), 14);
    EXPECT_EQ(product->font().pixelSize(), 20);
    EXPECT_EQ(clock->font().pixelSize(), 16);
    EXPECT_EQ(clock->font().weight(), QFont::DemiBold);
    EXPECT_EQ(plain->font(), desk.font());

    // A wall at twice the type: 26 px body. Polished again, the title follows, not compounds.
    QFont wallFont = desk.font();
    wallFont.setPixelSize(26);
    desk.setFont(wallFont);
    style.polish(title);
    style.polish(title);
    EXPECT_EQ(title->font().pixelSize(), 28);
    EXPECT_EQ(plain->font().pixelSize(), 26);
}

TEST(VantageStyle, MutedAndStatusBarLabelsUseTheMutedRole)
{
    VantageStyle style;
    QWidget parent;
    QLabel *muted = label(&parent, QStringLiteral("count"), "muted");
    QLabel *plain = label(&parent, QStringLiteral("name"));
    QStatusBar bar;
    QLabel *status = label(nullptr, QStringLiteral("status.rate"));
    bar.addWidget(status);
    for (QWidget *widget : {muted, plain, status})
        style.polish(widget);
    EXPECT_EQ(muted->foregroundRole(), QPalette::PlaceholderText);
    EXPECT_EQ(status->foregroundRole(), QPalette::PlaceholderText);
    EXPECT_EQ(status->contentsMargins(), QMargins(10, 2, 10, 2));
    EXPECT_NE(plain->foregroundRole(), QPalette::PlaceholderText);
}

TEST(VantageStyle, ListsHaveNoFrameOrBackgroundButAComboBoxListKeepsItsOwn)
{
    VantageStyle style;
    QListView list;
    style.polish(&list);
    EXPECT_EQ(list.frameShape(), QFrame::NoFrame);
    EXPECT_FALSE(list.viewport()->autoFillBackground());

    QComboBox combo;
    combo.setStyle(&style);
    auto *popupList = qobject_cast<QListView *>(combo.view());
    ASSERT_NE(popupList, nullptr);
    style.polish(popupList);
    EXPECT_TRUE(popupList->viewport()->autoFillBackground());
}

TEST(VantageStyle, TheScrollBarIsAllGrooveItsSliderSizedByThePage)
{
    VantageStyle style;
    QStyleOptionSlider bar = scrollBar(Qt::Vertical, QRect(0, 0, 10, 400));
    bar.sliderPosition = 300;
    const QRect slider = style.subControlRect(QStyle::CC_ScrollBar, &bar, QStyle::SC_ScrollBarSlider);
    EXPECT_EQ(slider, QRect(0, 300, 10, 100)); // a quarter of the bar, at the end
    EXPECT_TRUE(style.subControlRect(QStyle::CC_ScrollBar, &bar, QStyle::SC_ScrollBarAddLine).isEmpty());
    EXPECT_TRUE(style.subControlRect(QStyle::CC_ScrollBar, &bar, QStyle::SC_ScrollBarSubLine).isEmpty());
    EXPECT_EQ(style.subControlRect(QStyle::CC_ScrollBar, &bar, QStyle::SC_ScrollBarSubPage),
              QRect(0, 0, 10, 300));
    EXPECT_EQ(style.hitTestComplexControl(QStyle::CC_ScrollBar, &bar, QPoint(5, 10)),
              QStyle::SC_ScrollBarSubPage);
    EXPECT_EQ(style.hitTestComplexControl(QStyle::CC_ScrollBar, &bar, QPoint(5, 350)),
              QStyle::SC_ScrollBarSlider);

    // A long list: the slider keeps a length that can be grabbed.
    bar.maximum = 1'000'000;
    bar.sliderPosition = 0;
    EXPECT_EQ(style.subControlRect(QStyle::CC_ScrollBar, &bar, QStyle::SC_ScrollBarSlider).height(),
              style.pixelMetric(QStyle::PM_ScrollBarSliderMin));
}

TEST(VantageStyle, APanelIsACardOnBaseWithAMidBorder)
{
    VantageStyle style;
    const Theme theme = Theme::dark();
    QFrame panel;
    panel.setStyle(&style);
    panel.setPalette(theme.palette());
    panel.setProperty("panel", true);
    panel.resize(200, 120);
    const QImage image = renderedAlone(panel);
    EXPECT_EQ(image.pixelColor(100, 60), theme.surface);
    EXPECT_EQ(image.pixelColor(100, 0), theme.border);
    // The corners are rounded off.
    EXPECT_EQ(image.pixelColor(0, 0).alpha(), 0);
}

TEST(VantageStyle, TheWindowHasNoStyleSheetAndItsWallTypeReachesTheTitles)
{
    OverviewFixture f;
    EXPECT_NE(qobject_cast<VantageStyle *>(QApplication::style()), nullptr);
    EXPECT_TRUE(f.window.styleSheet().isEmpty());
    auto *title = f.window.findChild<QLabel *>(QStringLiteral("panelTitle"));
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->font().pixelSize(), 14);

    f.window.setTypeScale(2.0);
    EXPECT_EQ(f.window.font().pixelSize(), 26);
    EXPECT_EQ(title->font().pixelSize(), 28);
    auto *rate = f.window.findChild<QLabel *>(QStringLiteral("status.rate"));
    ASSERT_NE(rate, nullptr);
    EXPECT_EQ(rate->font().pixelSize(), 26);

    f.window.setTypeScale(1.0);
    EXPECT_EQ(title->font().pixelSize(), 14);
    EXPECT_EQ(rate->font(), QApplication::font());
}

TEST(VantageStyle, ButtonsAndFieldsAreTallEnoughToClickAndTheTextFits)
{
    OverviewFixture f;
    for (auto *button : f.window.findChildren<QToolButton *>()) {
        if (!button->isVisible())
            continue;
        EXPECT_GE(button->height(), 30) << button->objectName().toStdString();
        EXPECT_GE(button->width(), button->fontMetrics().horizontalAdvance(button->text()) + 20)
            << button->objectName().toStdString();
    }
}

namespace {

// The colour `draw` leaves at `at` on a transparent image of `size`.
QColor pixelAfter(QSize size, QPoint at, const std::function<void(QPainter &)> &draw)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    draw(painter);
    painter.end();
    return image.pixelColor(at);
}

} // namespace

TEST(VantageStyle, AutoRaiseButtonsAreBoxedAndShowFocusInTheirOutline)
{
    VantageStyle style;
    const Theme theme = Theme::dark();
    QToolButton button;
    button.setAutoRaise(true);
    button.setText(QStringLiteral("Acknowledge…"));
    QStyleOptionToolButton option;
    option.initFrom(&button);
    option.palette = theme.palette();
    option.rect = QRect(0, 0, 120, 30);
    option.subControls = QStyle::SC_ToolButton;
    option.state = QStyle::State_Enabled | QStyle::State_AutoRaise; // not hovered
    option.text = button.text();
    const auto edge = [&](const QStyleOptionToolButton &state) {
        return pixelAfter(option.rect.size(), QPoint(60, 0),
                          [&](QPainter &p) { style.drawComplexControl(QStyle::CC_ToolButton, &state, &p); });
    };
    EXPECT_EQ(edge(option), theme.border);
    option.state |= QStyle::State_HasFocus;
    EXPECT_EQ(edge(option), theme.accent);
}

TEST(VantageStyle, ADisabledCheckedButtonKeepsMutedText)
{
    VantageStyle style;
    const Theme theme = Theme::dark();
    QToolButton button;
    button.setStyle(&style);
    button.setPalette(theme.palette());
    button.setText(QStringLiteral("Reset zoom"));
    button.setCheckable(true);
    button.setChecked(true);
    button.setEnabled(false);
    button.resize(button.sizeHint());
    const QImage image = renderedAlone(button);
    const int accentPixels = pixelsWhere(image, [&](const QColor &c) { return c == theme.accent; });
    // The checked outline is accent; the text is not. Without the rule the text adds many more.
    EXPECT_LT(accentPixels, 2 * (image.width() + image.height()));
}

TEST(VantageStyle, AFramelessLineEditIsLeftToItsHost)
{
    VantageStyle style;
    const Theme theme = Theme::dark();
    QStyleOptionFrame option;
    option.palette = theme.palette();
    option.rect = QRect(0, 0, 100, 24);
    option.state = QStyle::State_Enabled;
    option.lineWidth = 0; // inside a combo box, spin box or date edit
    const QColor edge = pixelAfter(option.rect.size(), QPoint(50, 0), [&](QPainter &p) {
        style.drawPrimitive(QStyle::PE_PanelLineEdit, &option, &p);
    });
    EXPECT_NE(edge, theme.border);
    EXPECT_EQ(style.subElementRect(QStyle::SE_LineEditContents, &option, nullptr),
              style.baseStyle()->subElementRect(QStyle::SE_LineEditContents, &option, nullptr));

    option.lineWidth = 1; // a field of its own: the rounded box, text inset
    EXPECT_EQ(pixelAfter(option.rect.size(), QPoint(50, 0),
                         [&](QPainter &p) { style.drawPrimitive(QStyle::PE_PanelLineEdit, &option, &p); }),
              theme.border);
    EXPECT_EQ(style.subElementRect(QStyle::SE_LineEditContents, &option, nullptr).left(), 9);
}

TEST(VantageStyle, HorizontalScrollBarsKeepFusions)
{
    VantageStyle style;
    const QStyleOptionSlider bar = scrollBar(Qt::Horizontal, QRect(0, 0, 400, 16));
    EXPECT_EQ(style.pixelMetric(QStyle::PM_ScrollBarExtent, &bar),
              style.baseStyle()->pixelMetric(QStyle::PM_ScrollBarExtent, &bar));
    EXPECT_FALSE(style.subControlRect(QStyle::CC_ScrollBar, &bar, QStyle::SC_ScrollBarAddLine).isEmpty());
    QScrollBar horizontal(Qt::Horizontal);
    horizontal.setStyle(&style);
    EXPECT_GT(horizontal.sizeHint().height(), 10);
}

TEST(VantageStyle, MenusSelectOnTheAlternateSurface)
{
    VantageStyle style;
    const Theme theme = Theme::dark();
    QStyleOptionMenuItem item;
    item.palette = theme.palette();
    item.rect = QRect(0, 0, 160, 24);
    item.state = QStyle::State_Enabled | QStyle::State_Selected;
    item.menuItemType = QStyleOptionMenuItem::Normal;
    item.text = QStringLiteral("Light theme");
    const QColor fill = pixelAfter(item.rect.size(), QPoint(150, 12),
                                   [&](QPainter &p) { style.drawControl(QStyle::CE_MenuItem, &item, &p); });
    EXPECT_EQ(fill, theme.surfaceAlt);
}

TEST(VantageStyle, TheWindowIsShownWithoutLoadingAnImagePlugin)
{
    // Qt's standard icons are PNGs, and reading one loads every image-format plugin.
    ASSERT_FALSE(libraryMapped("/imageformats/"));
    OverviewFixture f;
    auto *search = f.window.findChild<QLineEdit *>(QStringLiteral("feed.search"));
    ASSERT_NE(search, nullptr);
    ASSERT_TRUE(search->isClearButtonEnabled());
    search->setText(QStringLiteral("paris"));
    f.window.grab();
    EXPECT_FALSE(libraryMapped("/imageformats/"));
}

TEST(VantageStyle, TheClearButtonIsADiscInThePlaceholderColourThatFollowsTheTheme)
{
    VantageStyle style;
    const QIcon icon = style.standardIcon(QStyle::SP_LineEditClearButton);
    const QPalette before = QApplication::palette();
    for (const Theme::Mode mode : {Theme::Mode::Dark, Theme::Mode::Light}) {
        const Theme theme = Theme::forMode(mode);
        QApplication::setPalette(theme.palette());
        const QImage image = icon.pixmap(QSize(32, 32)).toImage();
        // The disc's edge, halfway between the cross's arms: placeholder colour.
        EXPECT_EQ(image.pixelColor(16, 6), theme.textMuted);
        // The centre is the cross, cut out in the field's colour; the corners are clear.
        EXPECT_EQ(image.pixelColor(16, 16), theme.window);
        EXPECT_EQ(image.pixelColor(0, 0).alpha(), 0);
        EXPECT_EQ(icon.pixmap(QSize(32, 32), QIcon::Active).toImage().pixelColor(16, 6), theme.text);
    }
    QApplication::setPalette(before);
}

namespace {

// How far the opaque pixels of `image` reach along a line through `at` (a row if `along` is
// horizontal, else a column), toward `towardEnd` (right or down) or the other way.
int reach(const QImage &image, int at, Qt::Orientation along, bool towardEnd)
{
    const int length = along == Qt::Horizontal ? image.width() : image.height();
    for (int i = 0; i < length; ++i) {
        const int step = towardEnd ? length - 1 - i : i;
        const QPoint point = along == Qt::Horizontal ? QPoint(step, at) : QPoint(at, step);
        if (image.pixelColor(point).alpha() > 128)
            return towardEnd ? step : length - 1 - step;
    }
    return -1;
}

QImage overflowIcon(QStyle::StandardPixmap which, QIcon::Mode mode = QIcon::Normal)
{
    VantageStyle style;
    return style.standardIcon(which).pixmap(QSize(32, 32), mode).toImage();
}

} // namespace

TEST(VantageStyle, TheOverflowButtonIsChevronsInTheButtonTextColourPointingToTheHiddenItems)
{
    const QPalette before = QApplication::palette();
    const Theme theme = Theme::forMode(Theme::Mode::Dark);
    QApplication::setPalette(theme.palette());
    const QImage image = overflowIcon(QStyle::SP_ToolBarHorizontalExtensionButton);
    EXPECT_GT(pixelsWhere(image, [&](const QColor &c) { return c == theme.text; }), 20);
    EXPECT_GT(pixelsWhere(image, [](const QColor &c) { return c.alpha() == 0; }), 32 * 32 / 2);
    // Right: the middle row reaches further right than a row near the chevrons' ends.
    EXPECT_GT(reach(image, 16, Qt::Horizontal, true), reach(image, 10, Qt::Horizontal, true));

    // Down, for a vertical bar: the middle column reaches lower than one near the ends.
    const QImage vertical = overflowIcon(QStyle::SP_ToolBarVerticalExtensionButton);
    EXPECT_GT(reach(vertical, 16, Qt::Vertical, true), reach(vertical, 10, Qt::Vertical, true));

    // Left in a right-to-left layout.
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    const QImage mirrored = overflowIcon(QStyle::SP_ToolBarHorizontalExtensionButton);
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
    EXPECT_GT(reach(mirrored, 16, Qt::Horizontal, false), reach(mirrored, 10, Qt::Horizontal, false));
    EXPECT_LT(reach(mirrored, 16, Qt::Horizontal, true), reach(image, 16, Qt::Horizontal, true));

    // Disabled: the same strokes at half opacity. An empty size is no pixmap, and no warning.
    const QImage disabled = overflowIcon(QStyle::SP_ToolBarHorizontalExtensionButton, QIcon::Disabled);
    EXPECT_EQ(pixelsWhere(disabled, [](const QColor &c) { return c.alpha() > 200; }), 0);
    ASSERT_GT(image.pixelColor(16, 16).alpha(), 100);
    EXPECT_NEAR(disabled.pixelColor(16, 16).alpha(), image.pixelColor(16, 16).alpha() / 2, 2);
    VantageStyle style;
    EXPECT_TRUE(style.standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton).pixmap(QSize(0, 0)).isNull());
    QApplication::setPalette(before);
}
