#pragma once

#include <QRect>
#include <QStringList>

class QWidget;

namespace vantage {

// Text a widget could not show in full (elided, clipped, or a value still too wide at its smallest
// size), recorded as the widget paints, so that a check can ask a whole window (a kiosk screenshot at a
// large type scale) what it cut. A widget makes one at the top of paintEvent: that forgets what the
// previous paint reported, and the new record is stored on the widget, in the dynamic property
// "vantage.textOverflow", when it goes out of scope.
class TextOverflow final
{
public:
    explicit TextOverflow(QWidget *widget);
    ~TextOverflow();
    TextOverflow(const TextOverflow &) = delete;
    TextOverflow &operator=(const TextOverflow &) = delete;

    void report(const QString &text);

    // An item delegate's record for one row of view (option.widget; nothing when null), replacing what
    // the row reported when it was last painted. Kept per row because a view repaints only the rows
    // that changed, one delegate call each.
    static void reportRow(const QWidget *view, int row, const QStringList &texts);
    // The part of row (in view's viewport) that the viewport shows across, at the row's full height: a
    // row wider than the view is cut at its edge, while one scrolled partly out at the top or bottom is not.
    static QRect shownAcross(const QWidget *view, const QRect &row);

    // What widget reported in its last paint; for an item view, also what the rows it shows now did.
    static QStringList reported(const QWidget *widget);
    // "objectName: text" (the class name when unnamed) for each report of root and of its
    // descendants visible with it.
    static QStringList reportedBy(const QWidget *root);

private:
    QWidget *m_widget;
    QStringList m_texts;
};

} // namespace vantage
