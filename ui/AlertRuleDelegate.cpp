#include "ui/AlertRuleDelegate.h"

#include "ui/AlertRuleTableModel.h"

#include <QComboBox>
#include <QDoubleSpinBox>

namespace vantage {

namespace {

// A week: a longer hold or repeat window is a typo.
constexpr double kMaxSeconds = 7 * 24 * 3600;

QComboBox *comboOf(QWidget *parent, const QStringList &items, bool editable)
{
    auto *combo = new QComboBox(parent);
    combo->setEditable(editable);
    combo->addItems(items);
    if (editable)
        combo->setInsertPolicy(QComboBox::NoInsert);
    return combo;
}

// The known gauges, then any other metric a rule in the model watches.
QStringList metricsOffered(const QAbstractItemModel *model)
{
    QStringList metrics = AlertRuleDelegate::knownMetrics();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString metric =
            model->index(row, AlertRuleTableModel::MetricColumn).data(Qt::EditRole).toString();
        if (!metric.isEmpty() && !metrics.contains(metric))
            metrics << metric;
    }
    return metrics;
}

} // namespace

QStringList AlertRuleDelegate::knownMetrics()
{
    return {QStringLiteral("requests_per_second"), QStringLiteral("avg_response_ms"),
            QStringLiteral("p50_response_ms"),     QStringLiteral("p95_response_ms"),
            QStringLiteral("error_rate"),          QStringLiteral("queue_depth"),
            QStringLiteral("cpu_percent"),         QStringLiteral("memory_percent"),
            QStringLiteral("active_connections")};
}

QWidget *AlertRuleDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    switch (index.column()) {
    case AlertRuleTableModel::MetricColumn: {
        QComboBox *combo = comboOf(parent, metricsOffered(index.model()), true);
        combo->setObjectName(QStringLiteral("rules.metricEditor"));
        return combo;
    }
    case AlertRuleTableModel::DirectionColumn:
        return comboOf(parent, AlertRuleTableModel::directionNames(), false);
    case AlertRuleTableModel::SeverityColumn:
        return comboOf(parent, AlertRuleTableModel::severityNames(), false);
    case AlertRuleTableModel::ForColumn:
    case AlertRuleTableModel::RepeatAfterColumn: {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(0, kMaxSeconds);
        spin->setDecimals(3);
        spin->setSuffix(QStringLiteral(" s"));
        return spin;
    }
    default: return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void AlertRuleDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentText(value.toString());
    else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor))
        spin->setValue(value.toDouble());
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void AlertRuleDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                     const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentText());
    else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor))
        model->setData(index, spin->value());
    else
        QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace vantage
