#pragma once

#include "widgets/Theme.h"

#include <QStyledItemDelegate>

namespace vantage {

// One activity-feed row: time, a coloured type chip, user name and description, and the
// value right-aligned. Every string is drawn with QPainter::drawText, so user-supplied
// text is never interpreted as markup. All rows have the same height (uniform item sizes).
class FeedItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit FeedItemDelegate(QObject *parent = nullptr);

    void setTheme(const Theme &theme);

    // "SIGNUP", "PAYMENT", "FORM", "INVITE", or the type itself in capitals.
    static QString chipText(const QString &type);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    Theme m_theme = Theme::dark();
};

} // namespace vantage
