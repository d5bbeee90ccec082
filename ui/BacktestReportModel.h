#pragma once

#include "models/BacktestReport.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace vantage {

// A backtest report side by side (docs/alert-rules-dialog.md): one row per rule id, in the order
// the sets first name them, then a row of totals; a rule column, then fired, flaps, suppressed,
// time firing and longest firing for each set. A rule a set lacks shows "-"; "+" marks a firing
// still open at the end of the log.
class BacktestReportModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int columnsPerSet = 5;

    explicit BacktestReportModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the table, in one reset.
    void setReport(BacktestReport report);
    void clear();
    // Whether some rule was still firing at the end of the log (a "+" is shown).
    bool firingAtEnd() const;
    // The row of a rule id, or -1; the totals row is rowCount() - 1.
    int rowOf(const QString &ruleId) const;

private:
    QString cellText(int row, int set, int field) const;

    BacktestReport m_report;
    QStringList m_ids;
};

} // namespace vantage
