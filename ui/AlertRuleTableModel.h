#pragma once

#include "models/AlertRule.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>

#include <vector>

namespace vantage {

// The alert rules dialog's rules as an editable table (docs/alert-rules-dialog.md): one row per
// rule, one column per field. Edits go straight into the rules. A rule that is not usable, or
// whose id repeats an earlier row's, carries what is wrong with it, naming the field, and that
// field's cell is drawn in the problem colour.
class AlertRuleTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        MetricColumn,
        DirectionColumn, // "above" / "below"
        FireAtColumn,    // edited as text: "" or anything but a number is NaN, which validate() names
        ResolveAtColumn,
        ForColumn,         // edited as seconds (double)
        RepeatAfterColumn, // edited as seconds (double)
        SeverityColumn,    // "info", "warning", "error", "critical"
        MessageColumn,
        UnitColumn,
        EnabledColumn, // a check box
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles {
        ProblemRole = Qt::UserRole + 1, // the row's problem; empty when the rule is usable
    };
    Q_ENUM(Roles)

    explicit AlertRuleTableModel(QObject *parent = nullptr);

    // What the direction and severity columns take, in the order of the enums.
    static QStringList directionNames();
    static QStringList severityNames();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces every rule, in one reset.
    void setRules(std::vector<AlertRule> rules);
    const std::vector<AlertRule> &rules() const { return m_rules; }
    // Inserts the rule at `row` (clamped to the table), its id made unique with a ".2", ".3", ...
    // suffix when another rule has it; returns the row.
    int insertRule(int row, AlertRule rule);
    void removeRule(int row);

    // What is wrong with the rule in `row`: AlertRule::validate(), or `id: "x" repeats row 1`;
    // empty when the rule is usable.
    QString problem(int row) const;
    // "Row 3 (cpu.high): fireAt is not a finite number", one line per unusable rule.
    QStringList problems() const;
    bool hasProblems() const;

    void setProblemColor(const QColor &color);

private:
    int problemColumn(int row) const; // the column of the field the row's problem names, or -1
    QString uniqueId(const QString &id) const;
    void rowsChanged(int first, int last);

    std::vector<AlertRule> m_rules;
    QColor m_problemColor;
};

} // namespace vantage
