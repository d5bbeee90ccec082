#include "widgets/AlertItemDelegate.h"

#include "models/AlertModel.h"
#include "models/PlainText.h"
#include "widgets/CardPainter.h"
#include "widgets/TextOverflow.h"
#include "widgets/TypeScale.h"
#include "widgets/ValueFormat.h"

#include <QPainter>

namespace vantage {

namespace {
constexpr int horizontalPadding = 12;
constexpr int verticalPadding = 9;
constexpr int lineGap = 3;
constexpr int stripeWidth = 4;
// Between the severity label, the tag and the users on the first line.
constexpr int itemGap = 8;

QFont detailFont(const QFont &base)
{
    QFont font = base;
    font.setPixelSize(TypeScale::px(base, 11));
    return font;
}
} // namespace

AlertItemDelegate::AlertItemDelegate(QObject *parent, NowFn now) : QStyledItemDelegate(parent), m_now(std::move(now)) {}

void AlertItemDelegate::setTheme(const Theme &theme)
{
    m_theme = theme;
}

QSize AlertItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFont &base = option.font;
    const QFontMetrics label(CardPainter::captionFont(base));
    const QFontMetrics message(base);
    const int gap = TypeScale::px(base, lineGap);
    int height = 2 * TypeScale::px(base, verticalPadding) + label.height() + gap + message.height();
    if (!operatorLine(index).isEmpty())
        height += gap + QFontMetrics(detailFont(base)).height();
    return {TypeScale::px(base, 280), height};
}

QString AlertItemDelegate::operatorLine(const QModelIndex &index) const
{
    QStringList parts;
    const qint64 now = m_now();
    const QString by = index.data(AlertModel::AckByRole).toString();
    if (!by.isEmpty()) {
        QString ack = tr("\u2713 %1 \u00b7 %2 ago")
                          .arg(singleLine(by),
                               ValueFormat::duration(now - index.data(AlertModel::AckAtRole).toLongLong()));
        const QString comment = singleLine(index.data(AlertModel::AckCommentRole).toString());
        if (!comment.isEmpty())
            ack += QStringLiteral(" \u00b7 \u201c%1\u201d").arg(comment);
        if (!index.data(AlertModel::AckSharedRole).toBool())
            ack += tr(" \u00b7 this window only");
        parts << ack;
    }
    const qint64 silencedUntil = index.data(AlertModel::SilencedUntilRole).toLongLong();
    if (silencedUntil > 0 && index.data(AlertModel::IsOpenRole).toBool())
        parts << tr("silenced %1 more").arg(ValueFormat::duration(qMax<qint64>(0, silencedUntil - now)));
    return parts.join(QStringLiteral("   "));
}

void AlertItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRect row = option.rect;
    const bool open = index.data(AlertModel::IsOpenRole).toBool();
    const auto severity = Severity(index.data(AlertModel::SeverityRole).toInt());
    const QColor color = m_theme.severityColor(severity);

    if (option.state & QStyle::State_Selected) {
        QColor selected = m_theme.accent;
        selected.setAlphaF(0.22);
        painter->fillRect(row, selected);
    } else if (open && index.data(AlertModel::AckByRole).toString().isEmpty()) {
        QColor wash = color;
        wash.setAlphaF(0.06);
        painter->fillRect(row, wash);
    }
    painter->fillRect(QRect(row.left(), row.bottom(), row.width(), 1), m_theme.border);
    if (!open)
        painter->setOpacity(0.5);

    const QFont &base = option.font;
    const int stripe = TypeScale::px(base, stripeWidth);
    const int padding = TypeScale::px(base, horizontalPadding);
    const int gap = TypeScale::px(base, itemGap);
    painter->fillRect(QRect(row.left(), row.top() + 1, stripe, row.height() - 2), color);

    const QRect content = row.adjusted(stripe + padding, TypeScale::px(base, verticalPadding), -padding,
                                       -TypeScale::px(base, verticalPadding));
    const QFont label = CardPainter::captionFont(base);
    const QFontMetrics labelMetrics(label);
    const QFont detail = detailFont(base);
    const QFontMetrics detailMetrics(detail);
    const QRect firstLine(content.left(), content.top(), content.width(), labelMetrics.height());

    // Age on the right of the first line.
    const qint64 now = m_now();
    const qint64 raisedAt = index.data(AlertModel::RaisedAtRole).toLongLong();
    const qint64 resolvedAt = index.data(AlertModel::ResolvedAtRole).toLongLong();
    const QString age = open ? tr("%1 ago").arg(ValueFormat::duration(now - raisedAt))
                             : tr("resolved %1 ago").arg(ValueFormat::duration(now - resolvedAt));
    const int ageWidth = detailMetrics.horizontalAdvance(age);
    const QRect ageRect(firstLine.right() - ageWidth, firstLine.top(), ageWidth, firstLine.height());
    painter->setFont(detail);
    painter->setPen(m_theme.textMuted);
    painter->drawText(ageRect, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, age);

    const QString severityText = index.data(AlertModel::SeverityNameRole).toString();
    const int labelWidth = labelMetrics.horizontalAdvance(severityText.toUpper());
    const QRect labelRect(firstLine.left(), firstLine.top(), labelWidth + 2, firstLine.height());
    painter->setFont(label);
    painter->setPen(color);
    painter->drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, severityText);

    // The fixed parts of the first line are reported when they collide or run out of what the view
    // shows; the users count and the lines below are elided by design (the message and the operator
    // line are free text, whole in the tooltip), so they are not overflow.
    const QRect shown = TextOverflow::shownAcross(option.widget, row);
    QStringList overflow;
    if (labelWidth > content.width() || !shown.contains(labelRect))
        overflow << severityText;
    if (labelRect.left() + labelWidth + gap > ageRect.left() || !shown.contains(ageRect))
        overflow << age;

    int afterLabel = firstLine.left() + labelWidth + gap;
    if (index.data(AlertModel::IsLocalRole).toBool()) {
        const QString tag = tr("LOCAL RULE");
        const QRect tagRect(afterLabel, firstLine.top() + 1,
                            detailMetrics.horizontalAdvance(tag) + TypeScale::px(base, 10),
                            firstLine.height() - 2);
        if (tagRect.right() + gap > ageRect.left() || !shown.contains(tagRect))
            overflow << tag;
        painter->setPen(QPen(m_theme.textMuted, 1.0));
        painter->setBrush(Qt::NoBrush);
        const double tagRadius = TypeScale::pxF(base, 3);
        painter->drawRoundedRect(QRectF(tagRect).adjusted(0.5, 0.5, -0.5, -0.5), tagRadius, tagRadius);
        painter->setFont(detail);
        painter->drawText(tagRect, Qt::AlignCenter | Qt::TextSingleLine, tag);
        afterLabel = tagRect.right() + gap;
    }
    TextOverflow::reportRow(option.widget, index.row(), overflow);
    const int affected = index.data(AlertModel::AffectedUsersRole).toInt();
    if (affected > 0) {
        const QString users = tr("\u00b7  %1 users affected").arg(ValueFormat::count(affected));
        const int x = afterLabel;
        const int width = std::max(0, ageRect.left() - gap - x);
        painter->setFont(detail);
        painter->setPen(m_theme.textMuted);
        painter->drawText(QRect(x, firstLine.top(), width, firstLine.height()),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          detailMetrics.elidedText(users, Qt::ElideRight, width));
    }

    const QFontMetrics messageMetrics(option.font);
    const int linePx = TypeScale::px(base, lineGap);
    const QRect secondLine(content.left(), firstLine.bottom() + 1 + linePx, content.width(),
                           messageMetrics.height());
    const QString message = singleLine(index.data(AlertModel::MessageRole).toString());
    painter->setFont(option.font);
    painter->setPen(m_theme.text);
    painter->drawText(secondLine, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      messageMetrics.elidedText(message, Qt::ElideRight, secondLine.width()));

    const QString acted = operatorLine(index);
    if (!acted.isEmpty()) {
        const QRect thirdLine(content.left(), secondLine.bottom() + 1 + linePx, content.width(),
                              detailMetrics.height());
        painter->setFont(detail);
        painter->setPen(m_theme.good);
        painter->drawText(thirdLine, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          detailMetrics.elidedText(acted, Qt::ElideRight, thirdLine.width()));
    }
    painter->restore();
}

} // namespace vantage
