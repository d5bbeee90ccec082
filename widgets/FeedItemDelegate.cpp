#include "widgets/FeedItemDelegate.h"

#include "models/ActivityFeedModel.h"
#include "models/PlainText.h"
#include "widgets/CardPainter.h"
#include "widgets/TextOverflow.h"
#include "widgets/TypeScale.h"
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

// The chip of a known type; empty for any other, whose chip is the type itself.
QString knownChipText(const QString &type)
{
    if (type == QLatin1String("signup"))
        return FeedItemDelegate::tr("SIGNUP");
    if (type == QLatin1String("payment"))
        return FeedItemDelegate::tr("PAYMENT");
    if (type == QLatin1String("form_submission"))
        return FeedItemDelegate::tr("FORM");
    if (type == QLatin1String("invitation"))
        return FeedItemDelegate::tr("INVITE");
    if (type.isEmpty())
        return FeedItemDelegate::tr("EVENT");
    return {};
}
} // namespace

FeedItemDelegate::FeedItemDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void FeedItemDelegate::setTheme(const Theme &theme)
{
    m_theme = theme;
}

QString FeedItemDelegate::chipText(const QString &type)
{
    const QString known = knownChipText(type);
    return known.isEmpty() ? singleLine(type).toUpper() : known;
}

QSize FeedItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(nameFont(option.font));
    return {TypeScale::px(option.font, 320),
            metrics.height() + 2 * TypeScale::px(option.font, verticalPadding)};
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
    const QFont baseFont = option.font;
    const int padding = TypeScale::px(baseFont, horizontalPadding);
    const int gapPx = TypeScale::px(baseFont, gap);
    // The separator fills the row's last pixel line: the same pixels as a 1 px line, without a stroke.
    painter->fillRect(QRect(row.left() + padding, row.bottom(), row.width() - 2 * padding, 1),
                      m_theme.border);

    const QRect content = row.adjusted(padding, 0, -padding, 0);
    int x = content.left();
    // The time, a known type's chip and the value are reported when cut or out of what the view shows;
    // the user name, the description and a custom type are free text, elided by design (whole in the
    // tooltip), so they are not overflow.
    const QRect shown = TextOverflow::shownAcross(option.widget, row);
    QStringList overflow;

    // Time, in tabular width so the columns line up.
    const QFontMetrics baseMetrics(baseFont);
    const qint64 tsMs = index.data(ActivityFeedModel::TimestampRole).toLongLong();
    const QString time = QDateTime::fromMSecsSinceEpoch(tsMs).toString(QStringLiteral("hh:mm:ss"));
    const int timeWidth = baseMetrics.horizontalAdvance(QStringLiteral("00:00:00"));
    const QRect timeRect(x, content.top(), timeWidth, content.height());
    if (baseMetrics.horizontalAdvance(time) > timeWidth || !shown.contains(timeRect))
        overflow << time;
    painter->setFont(baseFont);
    painter->setPen(m_theme.textMuted);
    painter->drawText(timeRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, time);
    x += timeWidth + gapPx;

    // Type chip.
    const QString type = index.data(ActivityFeedModel::TypeRole).toString();
    const QColor typeColor = m_theme.eventTypeColor(type);
    const QFont chip = CardPainter::pillFont(baseFont);
    const QFontMetrics chipMetrics(chip);
    const int chipPx = TypeScale::px(baseFont, chipWidth);
    const int chipHeight = chipMetrics.height() + TypeScale::px(baseFont, 6);
    const QRectF chipRect(x, content.center().y() - chipHeight / 2.0 + 0.5, chipPx, chipHeight);
    const QString chipLabel = chipText(type);
    const QString chipShown =
        chipMetrics.elidedText(chipLabel, Qt::ElideRight, chipPx - TypeScale::px(baseFont, 8));
    if ((chipShown != chipLabel && !knownChipText(type).isEmpty()) || !QRectF(shown).contains(chipRect))
        overflow << chipLabel;
    QColor chipFill = typeColor;
    chipFill.setAlphaF(0.16);
    painter->setPen(Qt::NoPen);
    painter->setBrush(chipFill);
    const double chipRadius = TypeScale::pxF(baseFont, 4);
    painter->drawRoundedRect(chipRect, chipRadius, chipRadius);
    painter->setFont(chip);
    painter->setPen(typeColor);
    painter->drawText(chipRect, Qt::AlignCenter | Qt::TextSingleLine, chipShown);
    x += chipPx + gapPx;

    // A fixed name column, independent of the value, keeps the descriptions aligned down the feed.
    const int rest = std::max(0, content.right() - x);
    const int nameColumn = std::clamp(rest * 3 / 10, std::min(rest, TypeScale::px(baseFont, minNameWidth)),
                                      TypeScale::px(baseFont, maxNameWidth));

    // Value, right-aligned; it takes the space it needs first.
    int right = content.right();
    const QVariant value = index.data(ActivityFeedModel::ValueRole);
    if (value.isValid()) {
        const QString currency = index.data(ActivityFeedModel::CurrencyRole).toString();
        const QString valueText = ValueFormat::currency(value.toDouble(), currency);
        const QFont valueFont = nameFont(baseFont);
        const QFontMetrics valueMetrics(valueFont);
        const int width = valueMetrics.horizontalAdvance(valueText);
        const QRect valueRect(right - width, content.top(), width, content.height());
        // Left of x, it runs into the chip.
        if (valueRect.left() < x || !shown.contains(valueRect))
            overflow << valueText;
        painter->setFont(valueFont);
        painter->setPen(m_theme.text);
        painter->drawText(valueRect, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, valueText);
        right -= width + gapPx;
    }
    TextOverflow::reportRow(option.widget, index.row(), overflow);

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
    x += nameWidth + gapPx;
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
