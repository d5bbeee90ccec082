#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace vantage {

// Editors for AlertRuleTableModel's cells: an editable combo for the metric (the canonical gauges
// and the metrics the rules already watch, or any other name), combos for direction and severity,
// spin boxes in seconds for the durations; text fields for the rest.
class AlertRuleDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The canonical gauges of the metrics message (docs/protocol.md, "metrics").
    static QStringList knownMetrics();

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace vantage
