#pragma once

#include "feed/Clock.h"
#include "widgets/Theme.h"

#include <QStyledItemDelegate>

namespace vantage {

// One alert row: a severity stripe, the severity label, a "local" tag for rule alerts, affected
// users and age on the first line, the message (plain text) on the second, and, when operators
// acted, who acknowledged it when (and whether the server has it) and until when it is silenced
// on a third. Resolved alerts are dimmed; acknowledged ones lose their wash.
class AlertItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit AlertItemDelegate(QObject *parent = nullptr, NowFn now = systemNowMs);

    void setTheme(const Theme &theme);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "✓ anna · 3 min ago · “on it” · this window only  ·  silenced 42 min"; empty when nobody acted.
    QString operatorLine(const QModelIndex &index) const;

private:
    Theme m_theme = Theme::dark();
    NowFn m_now;
};

} // namespace vantage
