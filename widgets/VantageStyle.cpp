#include "widgets/VantageStyle.h"

#include "widgets/DrawnIconEngine.h"
#include "widgets/TypeScale.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QFrame>
#include <QIcon>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QStatusBar>
#include <QStyleFactory>
#include <QStyleOption>
#include <QToolButton>

#include <algorithm>

namespace vantage {

namespace {

constexpr int kFieldRadius = 6;
constexpr int kPanelRadius = 8;
constexpr int kControlMinHeight = 28;
constexpr int kToolButtonMinHeight = 30;
constexpr int kFieldPaddingX = 8;
constexpr int kToolButtonPaddingX = 10;
constexpr int kBoldAllowance = 6;
constexpr int kPaddingY = 4;
constexpr int kComboArrowWidth = 20;
constexpr int kScrollBarExtent = 10;
constexpr int kScrollBarMargin = 2;
constexpr int kScrollBarSliderMin = 24;

struct LabelType
{
    int designPx;
    QFont::Weight weight;
};

// The type a label's name or `panelTitle` asks for; designPx 0 for none.
LabelType labelType(const QWidget *label)
{
    const QString name = label->objectName();
    if (name == QLatin1String("productName"))
        return {20, QFont::Bold};
    if (name == QLatin1String("productSubtitle"))
        return {13, QFont::Normal};
    if (name == QLatin1String("clock"))
        return {16, QFont::DemiBold};
    if (name == QLatin1String("panelTitle") || label->property("panelTitle").toBool())
        return {14, QFont::Bold};
    return {0, QFont::Normal};
}

bool flag(const QWidget *widget, const char *name)
{
    return widget && widget->property(name).toBool();
}

// A line edit's own frame; one embedded in a combo box or spin box has none.
bool framed(const QStyleOption *option)
{
    const auto *frame = qstyleoption_cast<const QStyleOptionFrame *>(option);
    return frame && frame->lineWidth > 0;
}

// The thin scroll bar is the vertical one, as the lists have; horizontal bars keep Fusion's.
bool thin(const QStyleOption *option, const QWidget *widget = nullptr)
{
    if (const auto *bar = qstyleoption_cast<const QStyleOptionSlider *>(option))
        return bar->orientation == Qt::Vertical;
    if (const auto *scrollBar = qobject_cast<const QScrollBar *>(widget))
        return scrollBar->orientation() == Qt::Vertical;
    return true;
}

void drawBox(QPainter *painter, const QRectF &rect, qreal radius, const QColor &fill, const QColor &border)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(border, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->restore();
}

// A field's or button's outline: Highlight when focused (or hovered, for buttons).
QColor outline(const QStyleOption *option, bool hoverToo)
{
    const bool lit =
        option->state & QStyle::State_HasFocus || (hoverToo && (option->state & QStyle::State_MouseOver));
    return option->palette.color(lit && (option->state & QStyle::State_Enabled) ? QPalette::Highlight
                                                                                : QPalette::Mid);
}

// The scroll bar's slider: its length in proportion to the page, placed by the value.
QRect sliderRect(const QStyleOptionSlider *bar)
{
    const bool horizontal = bar->orientation == Qt::Horizontal;
    const int length = horizontal ? bar->rect.width() : bar->rect.height();
    const qint64 range = qint64(bar->maximum) - bar->minimum;
    int sliderLength = length;
    if (range > 0) {
        sliderLength = int(qint64(length) * bar->pageStep / (range + bar->pageStep));
        sliderLength = std::clamp(sliderLength, std::min(kScrollBarSliderMin, length), length);
    }
    const int start = QStyle::sliderPositionFromValue(bar->minimum, bar->maximum, bar->sliderPosition,
                                                      length - sliderLength, bar->upsideDown);
    return horizontal ? QRect(bar->rect.x() + start, bar->rect.y(), sliderLength, bar->rect.height())
                      : QRect(bar->rect.x(), bar->rect.y() + start, bar->rect.width(), sliderLength);
}

} // namespace

VantageStyle::VantageStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{}

void VantageStyle::polish(QWidget *widget)
{
    QProxyStyle::polish(widget);
    if (auto *label = qobject_cast<QLabel *>(widget)) {
        if (const LabelType type = labelType(label); type.designPx > 0) {
            // The scale of the font the label would inherit: the window's body type.
            const QFont body = label->parentWidget() ? label->parentWidget()->font() : QFont();
            QFont font = body;
            font.setPixelSize(TypeScale::px(body, type.designPx));
            font.setWeight(type.weight);
            label->setFont(font);
        }
        if (label->objectName() == QLatin1String("productSubtitle"))
            label->setContentsMargins(0, 4, 0, 0);
        const bool inStatusBar = qobject_cast<QStatusBar *>(label->parentWidget()) != nullptr;
        if (inStatusBar)
            label->setContentsMargins(10, 2, 10, 2);
        if (inStatusBar || flag(label, "muted"))
            label->setForegroundRole(QPalette::PlaceholderText);
    } else if (auto *view = qobject_cast<QListView *>(widget)) {
        // A combo box's list keeps its own frame and background.
        if (!view->window()->inherits("QComboBoxPrivateContainer")) {
            view->setFrameShape(QFrame::NoFrame);
            view->viewport()->setAutoFillBackground(false);
        }
    }
}

void VantageStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                 const QWidget *widget) const
{
    const QPalette &palette = option->palette;
    switch (element) {
    case PE_PanelLineEdit:
        // A line edit inside a combo box, spin box or date edit has no frame: its host draws it.
        if (!framed(option))
            break;
        drawBox(painter, option->rect, kFieldRadius, palette.color(QPalette::Window), outline(option, false));
        return;
    case PE_FrameLineEdit:
    case PE_FrameStatusBarItem: return;
    case PE_PanelButtonTool: {
        QColor fill = palette.color(QPalette::Window);
        QColor border = outline(option, true);
        if (flag(widget, "accent")) {
            fill = border = palette.color(QPalette::Highlight);
        } else if (option->state & (State_On | State_Sunken)) {
            fill = palette.color(QPalette::AlternateBase);
            border = palette.color(QPalette::Highlight);
        }
        drawBox(painter, option->rect, kFieldRadius, fill, border);
        return;
    }
    case PE_FrameFocusRect:
        // Buttons and fields show focus in their outline.
        if (qobject_cast<const QToolButton *>(widget) || qobject_cast<const QComboBox *>(widget))
            return;
        break;
    case PE_PanelStatusBar:
        painter->fillRect(option->rect, palette.color(QPalette::Base));
        painter->fillRect(QRect(option->rect.topLeft(), QSize(option->rect.width(), 1)),
                          palette.color(QPalette::Mid));
        return;
    default: break;
    }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
}

void VantageStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                               const QWidget *widget) const
{
    if (element == CE_ShapedFrame && flag(widget, "panel")) {
        drawBox(painter, option->rect, kPanelRadius, option->palette.color(QPalette::Base),
                option->palette.color(QPalette::Mid));
        return;
    }
    if (element == CE_ToolButtonLabel) {
        if (const auto *button = qstyleoption_cast<const QStyleOptionToolButton *>(option)) {
            QStyleOptionToolButton label = *button;
            // A disabled button's text stays muted, checked or not.
            const bool enabled = option->state & State_Enabled;
            if (enabled && flag(widget, "accent")) {
                label.palette.setColor(QPalette::ButtonText, option->palette.color(QPalette::Window));
                label.font.setWeight(QFont::Bold);
            } else if (enabled && (option->state & State_On)) {
                label.palette.setColor(QPalette::ButtonText, option->palette.color(QPalette::Highlight));
                label.font.setWeight(QFont::DemiBold);
            }
            QProxyStyle::drawControl(element, &label, painter, widget);
            return;
        }
    }
    if (element == CE_MenuItem || element == CE_MenuBarItem) {
        if (const auto *menuItem = qstyleoption_cast<const QStyleOptionMenuItem *>(option)) {
            // The selected item on the alternate surface, in the text's colour, not in the accent.
            QStyleOptionMenuItem item = *menuItem;
            item.palette.setColor(QPalette::Highlight, option->palette.color(QPalette::AlternateBase));
            item.palette.setColor(QPalette::HighlightedText, option->palette.color(QPalette::Text));
            QProxyStyle::drawControl(element, &item, painter, widget);
            return;
        }
    }
    QProxyStyle::drawControl(element, option, painter, widget);
}

void VantageStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                                      QPainter *painter, const QWidget *widget) const
{
    if (control == CC_ComboBox) {
        drawBox(painter, option->rect, kFieldRadius, option->palette.color(QPalette::Window),
                outline(option, false));
        QStyleOption arrow = *option;
        arrow.rect = subControlRect(CC_ComboBox, option, SC_ComboBoxArrow, widget).adjusted(4, 0, -6, 0);
        proxy()->drawPrimitive(PE_IndicatorArrowDown, &arrow, painter, widget);
        return;
    }
    if (control == CC_ToolButton) {
        if (const auto *button = qstyleoption_cast<const QStyleOptionToolButton *>(option)) {
            // Auto-raise buttons too are boxed, so that they read as buttons and show focus.
            QStyleOptionToolButton boxed = *button;
            boxed.state &= ~State_AutoRaise;
            boxed.state |= State_Raised;
            QProxyStyle::drawComplexControl(control, &boxed, painter, widget);
            return;
        }
    }
    if (control == CC_ScrollBar && thin(option)) {
        if (const auto *bar = qstyleoption_cast<const QStyleOptionSlider *>(option)) {
            const QRect handle = sliderRect(bar).adjusted(kScrollBarMargin, kScrollBarMargin,
                                                          -kScrollBarMargin, -kScrollBarMargin);
            if (bar->maximum > bar->minimum && handle.isValid()) {
                painter->save();
                painter->setRenderHint(QPainter::Antialiasing);
                painter->setPen(Qt::NoPen);
                painter->setBrush(option->palette.color(QPalette::Mid));
                painter->drawRoundedRect(handle, 3, 3);
                painter->restore();
            }
            return;
        }
    }
    QProxyStyle::drawComplexControl(control, option, painter, widget);
}

int VantageStyle::pixelMetric(PixelMetric metric, const QStyleOption *option, const QWidget *widget) const
{
    if (metric == PM_ScrollBarExtent && thin(option, widget))
        return kScrollBarExtent;
    if (metric == PM_ScrollBarSliderMin && thin(option, widget))
        return kScrollBarSliderMin;
    return QProxyStyle::pixelMetric(metric, option, widget);
}

QSize VantageStyle::sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                                     const QWidget *widget) const
{
    switch (type) {
    case CT_LineEdit:
        return {size.width() + 2 * (kFieldPaddingX + 1),
                std::max(size.height() + 2 * kPaddingY, kControlMinHeight)};
    case CT_ComboBox:
        return {size.width() + 2 * (kFieldPaddingX + 1) + kComboArrowWidth,
                std::max(size.height() + 2 * (kPaddingY + 1), kControlMinHeight)};
    case CT_ToolButton:
        // With room for the bolder type of a checked or accent button.
        return {size.width() + 2 * (kToolButtonPaddingX + 1) + kBoldAllowance,
                std::max(size.height() + 2 * (kPaddingY + 1), kToolButtonMinHeight)};
    default: return QProxyStyle::sizeFromContents(type, option, size, widget);
    }
}

QRect VantageStyle::subElementRect(SubElement element, const QStyleOption *option,
                                   const QWidget *widget) const
{
    if (element == SE_LineEditContents && framed(option))
        return option->rect.adjusted(kFieldPaddingX + 1, 1, -(kFieldPaddingX + 1), -1);
    return QProxyStyle::subElementRect(element, option, widget);
}

QRect VantageStyle::subControlRect(ComplexControl control, const QStyleOptionComplex *option,
                                   SubControl subControl, const QWidget *widget) const
{
    const QRect rect = option->rect;
    if (control == CC_ComboBox) {
        switch (subControl) {
        case SC_ComboBoxArrow:
            return QRect(rect.right() + 1 - kComboArrowWidth, rect.top(), kComboArrowWidth, rect.height());
        case SC_ComboBoxEditField: return rect.adjusted(kFieldPaddingX + 1, 1, -kComboArrowWidth, -1);
        case SC_ComboBoxFrame:
        case SC_ComboBoxListBoxPopup: return rect;
        default: break;
        }
    }
    if (control == CC_ScrollBar && thin(option)) {
        if (const auto *bar = qstyleoption_cast<const QStyleOptionSlider *>(option)) {
            // No arrows: the groove is the whole bar, and the pages lie either side of the slider.
            const QRect slider = sliderRect(bar);
            const bool horizontal = bar->orientation == Qt::Horizontal;
            switch (subControl) {
            case SC_ScrollBarSlider: return slider;
            case SC_ScrollBarGroove: return rect;
            case SC_ScrollBarSubPage:
                return horizontal ? QRect(rect.topLeft(), QPoint(slider.left() - 1, rect.bottom()))
                                  : QRect(rect.topLeft(), QPoint(rect.right(), slider.top() - 1));
            case SC_ScrollBarAddPage:
                return horizontal ? QRect(QPoint(slider.right() + 1, rect.top()), rect.bottomRight())
                                  : QRect(QPoint(rect.left(), slider.bottom() + 1), rect.bottomRight());
            default: return {};
            }
        }
    }
    return QProxyStyle::subControlRect(control, option, subControl, widget);
}

QIcon VantageStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                const QWidget *widget) const
{
    switch (standardIcon) {
    case SP_LineEditClearButton:
        return QIcon(new DrawnIconEngine(DrawnIconEngine::Glyph::Clear));
    case SP_ToolBarHorizontalExtensionButton:
        return QIcon(new DrawnIconEngine(DrawnIconEngine::Glyph::Extension));
    case SP_ToolBarVerticalExtensionButton:
        return QIcon(new DrawnIconEngine(DrawnIconEngine::Glyph::VerticalExtension));
    default:
        break;
    }
    return QProxyStyle::standardIcon(standardIcon, option, widget);
}

} // namespace vantage
