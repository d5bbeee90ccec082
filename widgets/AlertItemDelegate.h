#pragma once

#include "feed/Clock.h"
#include "widgets/Theme.h"

#include <QStyledItemDelegate>

namespace vantage {

// One alert row: a severity stripe, the severity label, affected users and age on the first
// line, the message (plain text) on the second. Resolved alerts are dimmed.
class AlertItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit AlertItemDelegate(QObject *parent = nullptr, NowFn now = systemNowMs);

    void setTheme(const Theme &theme);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    Theme m_theme = Theme::dark();
    NowFn m_now;
};

} // namespace vantage
