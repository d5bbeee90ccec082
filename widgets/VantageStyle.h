#pragma once

#include <QProxyStyle>

namespace vantage {

// The dashboard's chrome over Fusion, drawn from the palette (Theme::palette) and a few dynamic
// properties, in place of a style sheet: a style sheet makes every widget of the window go
// through QStyleSheetStyle, which cost about a sixth of the time to the first frame
// (docs/performance.md, "Startup").
//
// - QFrame with `panel`: a rounded card on Base with a Mid border.
// - QLabel named `productName`, `productSubtitle`, `clock` or `panelTitle`, or with `panelTitle`:
//   its type, at the scale of its parent's font (TypeScale); with `muted`: PlaceholderText.
// - QToolButton (auto-raise ones too): rounded, outlined in Mid, in Highlight when hovered or
//   focused; checked, on AlternateBase in Highlight; with `accent`, filled with Highlight.
// - QLineEdit with a frame and QComboBox: rounded fields on Window; QListView without frame or
//   background; thin vertical scroll bars; the status bar on Base with muted labels; menus
//   select on AlternateBase.
// - The line edits' clear button and the bars' overflow buttons: DrawnIconEngine, in the palette.
class VantageStyle final : public QProxyStyle
{
    Q_OBJECT
public:
    VantageStyle();

    // Sets the fonts, roles and margins the properties above ask for: on polish, and again when
    // the window's type scale changes.
    void polish(QWidget *widget) override;
    using QProxyStyle::polish;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option, QPainter *painter,
                            const QWidget *widget = nullptr) const override;
    int pixelMetric(PixelMetric metric, const QStyleOption *option = nullptr,
                    const QWidget *widget = nullptr) const override;
    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                           const QWidget *widget) const override;
    QRect subElementRect(SubElement element, const QStyleOption *option,
                         const QWidget *widget) const override;
    QRect subControlRect(ComplexControl control, const QStyleOptionComplex *option, SubControl subControl,
                         const QWidget *widget = nullptr) const override;
    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};

} // namespace vantage
