#include "widgets/TextOverflow.h"

#include <QAbstractItemView>
#include <QMap>
#include <QVariant>

#include <algorithm>

namespace vantage {

namespace {

constexpr char widgetProperty[] = "vantage.textOverflow";
constexpr char rowsProperty[] = "vantage.textOverflowRows";

using RowReports = QMap<int, QStringList>;

// Rows painted before a scroll or a removal keep their record: only rows on screen now count.
QStringList reportedByShownRows(const QAbstractItemView &view)
{
    const RowReports rows = view.property(rowsProperty).value<RowReports>();
    const QAbstractItemModel *model = view.model();
    if (rows.isEmpty() || !model)
        return {};
    QStringList texts;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const QModelIndex index = model->index(it.key(), 0, view.rootIndex());
        if (index.isValid() && view.visualRect(index).intersects(view.viewport()->rect()))
            texts += it.value();
    }
    return texts;
}

} // namespace

TextOverflow::TextOverflow(QWidget *widget)
    : m_widget(widget)
{}

TextOverflow::~TextOverflow()
{
    if (m_widget->property(widgetProperty).toStringList() != m_texts)
        m_widget->setProperty(widgetProperty, m_texts);
}

void TextOverflow::report(const QString &text)
{
    if (!m_texts.contains(text))
        m_texts.append(text);
}

void TextOverflow::reportRow(const QWidget *view, int row, const QStringList &texts)
{
    if (!view)
        return;
    // The record is bookkeeping about the view, not its state: a delegate paints through a const view.
    auto *target = const_cast<QWidget *>(view);
    RowReports rows = target->property(rowsProperty).value<RowReports>();
    if (texts.isEmpty() ? !rows.contains(row) : rows.value(row) == texts)
        return;
    if (texts.isEmpty())
        rows.remove(row);
    else
        rows.insert(row, texts);
    target->setProperty(rowsProperty, QVariant::fromValue(rows));
}

QRect TextOverflow::shownAcross(const QWidget *view, const QRect &row)
{
    const auto *itemView = qobject_cast<const QAbstractItemView *>(view);
    if (!itemView)
        return row;
    const QRect viewport = itemView->viewport()->rect();
    return QRect(QPoint(std::max(row.left(), viewport.left()), row.top()),
                 QPoint(std::min(row.right(), viewport.right()), row.bottom()));
}

QStringList TextOverflow::reported(const QWidget *widget)
{
    QStringList texts = widget->property(widgetProperty).toStringList();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(widget))
        texts += reportedByShownRows(*view);
    return texts;
}

QStringList TextOverflow::reportedBy(const QWidget *root)
{
    QList<const QWidget *> widgets{root};
    for (const QWidget *child : root->findChildren<QWidget *>()) {
        if (child->isVisibleTo(root))
            widgets.append(child);
    }
    QStringList reports;
    for (const QWidget *widget : widgets) {
        const QString name = widget->objectName().isEmpty()
                                 ? QString::fromLatin1(widget->metaObject()->className())
                                 : widget->objectName();
        for (const QString &text : reported(widget))
            reports.append(name + QStringLiteral(": ") + text);
    }
    return reports;
}

} // namespace vantage
