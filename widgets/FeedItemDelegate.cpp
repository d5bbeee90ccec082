#include "widgets/FeedItemDelegate.h"

#include "models/ActivityFeedModel.h"
#include "models/PlainText.h"
#include "widgets/CardPainter.h"
#include "widgets/ValueFormat.h"

#include <QDateTime>
#include <QPainter>

#include <algorithm>

namespace vantage {

namespace {
constexpr int horizontalPadding = 12;
constexpr int verticalPadding = 9;
constexpr int gap = 10;
constexpr int chipWidth = 74;
constexpr int minNameWidth = 110;
constexpr int maxNameWidth = 220;

QFont nameFont(const QFont &base)
{
    QFont font = base;
    font.setWeight(QFont::DemiBold);
    return font;
}
} // namespace

FeedItemDelegate::FeedItemDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void FeedItemDelegate::setTheme(const Theme &theme)
{
    m_theme = theme;
}

QString FeedItemDelegate::chipText(const QString &type)
{
    if (type == QLatin1String("signup"))
        return tr("SIGNUP");
    if (type == QLatin1String("payment"))
        return tr("PAYMENT");
    if (type == QLatin1String("form_submission"))
        return tr("FORM");
    if (type == QLatin1String("invitation"))
        return tr("INVITE");
    if (type.isEmpty())
        return tr("EVENT");
    return singleLine(type).toUpper();
}

QSize FeedItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(nameFont(option.font));
    return {320, metrics.height() + 2 * verticalPadding};
}

void FeedItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRect row = option.rect;

    if (option.state & QStyle::State_Selected) {
        QColor selected = m_theme.accent;
        selected.setAlphaF(0.22);
        painter->fillRect(row, selected);
    } else if (option.state & QStyle::State_MouseOver) {
        painter->fillRect(row, m_theme.surfaceAlt);
    }
    painter->setPen(QPen(m_theme.border, 1.0));
    painter->drawLine(QPointF(row.left() + horizontalPadding, row.bottom() + 0.5),
                      QPointF(row.right() - horizontalPadding, row.bottom() + 0.5));

    const QRect content = row.adjusted(horizontalPadding, 0, -horizontalPadding, 0);
    int x = content.left();

    // Time, in tabular width so the columns line up.
    const QFont baseFont = option.font;
    const QFontMetrics baseMetrics(baseFont);
    const qint64 tsMs = index.data(ActivityFeedModel::TimestampRole).toLongLong();
    const QString time = QDateTime::fromMSecsSinceEpoch(tsMs).toString(QStringLiteral("hh:mm:ss"));
    const int timeWidth = baseMetrics.horizontalAdvance(QStringLiteral("00:00:00"));
    painter->setFont(baseFont);
    painter->setPen(m_theme.textMuted);
    painter->drawText(QRect(x, content.top(), timeWidth, content.height()),
                      Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, time);
    x += timeWidth + gap;

    // Type chip.
    const QString type = index.data(ActivityFeedModel::TypeRole).toString();
    const QColor typeColor = m_theme.eventTypeColor(type);
    const QFont chip = CardPainter::pillFont(baseFont);
    const QFontMetrics chipMetrics(chip);
    const QRectF chipRect(x, content.center().y() - (chipMetrics.height() + 6) / 2.0 + 0.5, chipWidth,
                          chipMetrics.height() + 6);
    QColor chipFill = typeColor;
    chipFill.setAlphaF(0.16);
    painter->setPen(Qt::NoPen);
    painter->setBrush(chipFill);
    painter->drawRoundedRect(chipRect, 4, 4);
    painter->setFont(chip);
    painter->setPen(typeColor);
    painter->drawText(chipRect, Qt::AlignCenter | Qt::TextSingleLine,
                      chipMetrics.elidedText(chipText(type), Qt::ElideRight, chipWidth - 8));
    x += chipWidth + gap;

    // A fixed name column, independent of the value, keeps the descriptions aligned down the feed.
    const int rest = std::max(0, content.right() - x);
    const int nameColumn = std::clamp(rest * 3 / 10, std::min(rest, minNameWidth), maxNameWidth);

    // Value, right-aligned; it takes the space it needs first.
    int right = content.right();
    const QVariant value = index.data(ActivityFeedModel::ValueRole);
    if (value.isValid()) {
        const QString currency = index.data(ActivityFeedModel::CurrencyRole).toString();
        const QString valueText = ValueFormat::currency(value.toDouble(), currency);
        const QFont valueFont = nameFont(baseFont);
        const QFontMetrics valueMetrics(valueFont);
        const int width = valueMetrics.horizontalAdvance(valueText);
        painter->setFont(valueFont);
        painter->setPen(m_theme.text);
        painter->drawText(QRect(right - width, content.top(), width, content.height()),
                          Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, valueText);
        right -= width + gap;
    }

    // User name, then the description in the remaining width.
    const int available = std::max(0, right - x);
    const QString name = singleLine(index.data(ActivityFeedModel::UserNameRole).toString());
    const QFont userFont = nameFont(baseFont);
    const QFontMetrics userMetrics(userFont);
    const int nameWidth = std::min(nameColumn, available);
    if (!name.isEmpty()) {
        painter->setFont(userFont);
        painter->setPen(m_theme.text);
        painter->drawText(QRect(x, content.top(), nameWidth, content.height()),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          userMetrics.elidedText(name, Qt::ElideRight, nameWidth));
    }
    x += nameWidth + gap;
    const QString description = singleLine(index.data(ActivityFeedModel::DescriptionRole).toString());
    const int descriptionWidth = std::max(0, right - x);
    if (!description.isEmpty() && descriptionWidth > 0) {
        painter->setFont(baseFont);
        painter->setPen(m_theme.textMuted);
        painter->drawText(QRect(x, content.top(), descriptionWidth, content.height()),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          baseMetrics.elidedText(description, Qt::ElideRight, descriptionWidth));
    }
    painter->restore();
}

} // namespace vantage
