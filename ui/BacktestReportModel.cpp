#include "ui/BacktestReportModel.h"

#include "models/BacktestReportText.h"
#include "models/BacktestTotals.h"

#include <QFont>

#include <algorithm>

namespace vantage {

namespace {

enum Field { Fired, Flaps, Suppressed, Firing, Longest };

const BacktestReport::Rule *findRule(const BacktestReport::Set &set, const QString &id)
{
    const auto it = std::find_if(set.rules.cbegin(), set.rules.cend(),
                                 [&id](const BacktestReport::Rule &rule) { return rule.id == id; });
    return it == set.rules.cend() ? nullptr : &*it;
}

// One rule's numbers, or a set's totals.
QString fieldText(int field, const BacktestTotals &numbers)
{
    switch (field) {
    case Fired: return QString::number(numbers.fired);
    case Flaps: return QString::number(numbers.flaps);
    case Suppressed: return QString::number(numbers.suppressed);
    case Firing: return BacktestReportText::duration(numbers.firingMs);
    default:
        return BacktestReportText::duration(numbers.longestFiringMs) +
               (numbers.firingAtEnd ? QStringLiteral("+") : QString());
    }
}

} // namespace

BacktestReportModel::BacktestReportModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int BacktestReportModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_report.sets.empty())
        return 0;
    return int(m_ids.size()) + 1;
}

int BacktestReportModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_report.sets.empty())
        return 0;
    return 1 + columnsPerSet * int(m_report.sets.size());
}

QVariant BacktestReportModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const bool totals = index.row() == rowCount() - 1;
    if (role == Qt::DisplayRole) {
        if (index.column() == 0)
            return totals ? tr("Total") : m_ids.at(index.row());
        return cellText(index.row(), (index.column() - 1) / columnsPerSet,
                        (index.column() - 1) % columnsPerSet);
    }
    if (role == Qt::TextAlignmentRole && index.column() > 0)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() > 0 && (index.column() - 1) % columnsPerSet == Longest &&
        cellText(index.row(), (index.column() - 1) / columnsPerSet, Longest).endsWith(QLatin1Char('+')))
        return tr("Still firing at the end of the log");
    if (role == Qt::FontRole && totals) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return {};
}

QVariant BacktestReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return tr("Rule");
    static const char *const fields[columnsPerSet] = {QT_TR_NOOP("fired"), QT_TR_NOOP("flaps"),
                                                      QT_TR_NOOP("suppressed"), QT_TR_NOOP("firing"),
                                                      QT_TR_NOOP("longest")};
    // The set's name over each of its columns: a header cannot span columns.
    const int set = (section - 1) / columnsPerSet;
    return QString(m_report.sets[size_t(set)].name + QLatin1Char('\n') +
                   tr(fields[(section - 1) % columnsPerSet]));
}

void BacktestReportModel::setReport(BacktestReport report)
{
    beginResetModel();
    m_report = std::move(report);
    m_ids = BacktestReportText::ruleIds(m_report);
    endResetModel();
}

void BacktestReportModel::clear()
{
    setReport({});
}

bool BacktestReportModel::firingAtEnd() const
{
    return std::any_of(m_report.sets.cbegin(), m_report.sets.cend(),
                       [](const BacktestReport::Set &set) { return BacktestTotals::of(set).firingAtEnd; });
}

int BacktestReportModel::rowOf(const QString &ruleId) const
{
    return int(m_ids.indexOf(ruleId));
}

QString BacktestReportModel::cellText(int row, int set, int field) const
{
    const BacktestReport::Set &reportSet = m_report.sets[size_t(set)];
    if (row == int(m_ids.size())) {
        BacktestTotals totals = BacktestTotals::of(reportSet);
        // A "+" on the set's longest firing would not say which rule is still open.
        totals.firingAtEnd = false;
        return fieldText(field, totals);
    }
    const BacktestReport::Rule *rule = findRule(reportSet, m_ids.at(row));
    if (!rule)
        return QStringLiteral("-");
    return fieldText(field, {rule->stats.fired, rule->stats.flaps, rule->stats.suppressed,
                             rule->stats.firingMs, rule->longestFiringMs, rule->firingAtEnd});
}

} // namespace vantage
