#include "ui/AlertRuleTableModel.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace vantage {

namespace {

// The fields by column, named as in the JSON and in AlertRule::validate()'s messages.
constexpr std::array<const char *, AlertRuleTableModel::ColumnCount> kFields = {
    "id",       "metric",  "direction", "fireAt",  "resolveAt", "forMs", "repeatAfterMs",
    "severity", "message", "unit",      "enabled",
};

// Longer than anyone waits for an alert, short enough to stay exact in milliseconds.
constexpr double kMaxSeconds = 1e9;

QString directionName(AlertRule::Direction direction)
{
    return AlertRuleTableModel::directionNames().at(int(direction));
}

// Full precision without grouping: the cell shows the number the rule holds, as it is saved.
QString exact(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', QLocale::FloatingPointShortest) : QString();
}

QString secondsText(qint64 ms)
{
    return exact(double(ms) / 1000.0) + u" s"_s;
}

// Text as the JSON writes numbers, or as the operator's locale does; anything else is NaN, which
// validate() reports naming the field.
double parseNumber(const QVariant &value)
{
    if (value.userType() != QMetaType::QString) {
        bool ok = false;
        const double number = value.toDouble(&ok);
        return ok ? number : qQNaN();
    }
    const QString text = value.toString().trimmed();
    bool ok = false;
    double number = QLocale::c().toDouble(text, &ok);
    if (!ok)
        number = QLocale().toDouble(text, &ok);
    return ok ? number : qQNaN();
}

bool setMs(const QVariant &value, qint64 *ms)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || std::abs(seconds) > kMaxSeconds)
        return false;
    *ms = qRound64(seconds * 1000.0);
    return true;
}

QVariant displayText(const AlertRule &rule, int column)
{
    switch (column) {
    case AlertRuleTableModel::IdColumn: return rule.id;
    case AlertRuleTableModel::MetricColumn: return rule.metric;
    case AlertRuleTableModel::DirectionColumn: return directionName(rule.direction);
    case AlertRuleTableModel::FireAtColumn: return exact(rule.fireAt);
    case AlertRuleTableModel::ResolveAtColumn: return exact(rule.resolveAt);
    case AlertRuleTableModel::ForColumn: return secondsText(rule.forMs);
    case AlertRuleTableModel::RepeatAfterColumn: return secondsText(rule.repeatAfterMs);
    case AlertRuleTableModel::SeverityColumn: return QString(severityName(rule.severity));
    case AlertRuleTableModel::MessageColumn: return rule.message;
    case AlertRuleTableModel::UnitColumn: return rule.unit;
    default: return {};
    }
}

QVariant editValue(const AlertRule &rule, int column)
{
    switch (column) {
    case AlertRuleTableModel::ForColumn: return double(rule.forMs) / 1000.0;
    case AlertRuleTableModel::RepeatAfterColumn: return double(rule.repeatAfterMs) / 1000.0;
    default: return displayText(rule, column);
    }
}

bool isNumberColumn(int column)
{
    return column == AlertRuleTableModel::FireAtColumn || column == AlertRuleTableModel::ResolveAtColumn ||
           column == AlertRuleTableModel::ForColumn || column == AlertRuleTableModel::RepeatAfterColumn;
}

// Writes an edit into `rule`; false for a value the column cannot take.
bool edit(AlertRule &rule, int column, const QVariant &value)
{
    switch (column) {
    case AlertRuleTableModel::IdColumn: rule.id = value.toString().trimmed(); return true;
    case AlertRuleTableModel::MetricColumn: rule.metric = value.toString().trimmed(); return true;
    case AlertRuleTableModel::DirectionColumn: {
        const qsizetype direction = AlertRuleTableModel::directionNames().indexOf(value.toString());
        if (direction < 0)
            return false;
        rule.direction = AlertRule::Direction(direction);
        return true;
    }
    case AlertRuleTableModel::FireAtColumn: rule.fireAt = parseNumber(value); return true;
    case AlertRuleTableModel::ResolveAtColumn: rule.resolveAt = parseNumber(value); return true;
    case AlertRuleTableModel::ForColumn: return setMs(value, &rule.forMs);
    case AlertRuleTableModel::RepeatAfterColumn: return setMs(value, &rule.repeatAfterMs);
    case AlertRuleTableModel::SeverityColumn: {
        const qsizetype severity = AlertRuleTableModel::severityNames().indexOf(value.toString());
        if (severity < 0)
            return false;
        rule.severity = Severity(severity);
        return true;
    }
    case AlertRuleTableModel::MessageColumn: rule.message = value.toString(); return true;
    case AlertRuleTableModel::UnitColumn: rule.unit = value.toString().trimmed(); return true;
    default: return false;
    }
}

QString headerTip(int column)
{
    switch (column) {
    case AlertRuleTableModel::IdColumn: return u"id: a stable name; counters and state are kept under it"_s;
    case AlertRuleTableModel::MetricColumn: return u"metric: the gauge of the metrics messages to watch"_s;
    case AlertRuleTableModel::DirectionColumn: return u"direction: fire when the value is above or below"_s;
    case AlertRuleTableModel::FireAtColumn: return u"fireAt: the value at which the rule is breached"_s;
    case AlertRuleTableModel::ResolveAtColumn:
        return u"resolveAt: a firing alert resolves only once the value is past this"_s;
    case AlertRuleTableModel::ForColumn:
        return u"forMs: how long the breach must hold before the rule fires"_s;
    case AlertRuleTableModel::RepeatAfterColumn:
        return u"repeatAfterMs: no new alert sooner than this after the last one"_s;
    case AlertRuleTableModel::SeverityColumn: return u"severity: info, warning, error or critical"_s;
    case AlertRuleTableModel::MessageColumn:
        return u"message: plain text; {value} and {threshold} are replaced by numbers"_s;
    case AlertRuleTableModel::UnitColumn: return u"unit: shown after numbers in resolve reasons"_s;
    case AlertRuleTableModel::EnabledColumn: return u"enabled: a disabled rule is kept but not evaluated"_s;
    default: return {};
    }
}

} // namespace

AlertRuleTableModel::AlertRuleTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QStringList AlertRuleTableModel::directionNames()
{
    return {u"above"_s, u"below"_s};
}

QStringList AlertRuleTableModel::severityNames()
{
    QStringList names;
    for (const Severity s : {Severity::Info, Severity::Warning, Severity::Error, Severity::Critical})
        names << severityName(s);
    return names;
}

int AlertRuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int AlertRuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertRuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertRule &rule = m_rules[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return displayText(rule, column);
    case Qt::EditRole: return editValue(rule, column);
    case Qt::CheckStateRole:
        return column == EnabledColumn ? QVariant(rule.enabled ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::TextAlignmentRole:
        return isNumberColumn(column) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ForegroundRole:
        return m_problemColor.isValid() && column == problemColumn(index.row()) ? QVariant(m_problemColor)
                                                                                : QVariant();
    case Qt::ToolTipRole: {
        const QString text = problem(index.row());
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    case ProblemRole: return problem(index.row());
    default: return {};
    }
}

bool AlertRuleTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return false;
    AlertRule edited = m_rules[size_t(index.row())];
    if (role == Qt::CheckStateRole && index.column() == EnabledColumn)
        edited.enabled = value.toInt() == Qt::Checked;
    else if (role != Qt::EditRole || !edit(edited, index.column(), value))
        return false;
    if (edited == m_rules[size_t(index.row())])
        return true;
    m_rules[size_t(index.row())] = std::move(edited);
    // A new id can make another row's id repeat, or stop repeating.
    if (index.column() == IdColumn)
        rowsChanged(0, rowCount() - 1);
    else
        rowsChanged(index.row(), index.row());
    return true;
}

Qt::ItemFlags AlertRuleTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.column() == EnabledColumn ? base | Qt::ItemIsUserCheckable : base | Qt::ItemIsEditable;
}

QVariant AlertRuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole)
        return headerTip(section);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Id");
    case MetricColumn: return tr("Metric");
    case DirectionColumn: return tr("Direction");
    case FireAtColumn: return tr("Fire at");
    case ResolveAtColumn: return tr("Resolve at");
    case ForColumn: return tr("For");
    case RepeatAfterColumn: return tr("Repeat after");
    case SeverityColumn: return tr("Severity");
    case MessageColumn: return tr("Message");
    case UnitColumn: return tr("Unit");
    default: return tr("Enabled");
    }
}

void AlertRuleTableModel::setRules(std::vector<AlertRule> rules)
{
    beginResetModel();
    m_rules = std::move(rules);
    endResetModel();
}

int AlertRuleTableModel::insertRule(int row, AlertRule rule)
{
    row = std::clamp(row, 0, rowCount());
    rule.id = uniqueId(rule.id);
    beginInsertRows(QModelIndex(), row, row);
    m_rules.insert(m_rules.begin() + row, std::move(rule));
    endInsertRows();
    return row;
}

void AlertRuleTableModel::removeRule(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rules.erase(m_rules.begin() + row);
    endRemoveRows();
    // A later row may have repeated the removed id.
    rowsChanged(0, rowCount() - 1);
}

QString AlertRuleTableModel::problem(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const AlertRule &rule = m_rules[size_t(row)];
    const QString invalid = rule.validate();
    if (!invalid.isEmpty())
        return invalid;
    for (int earlier = 0; earlier < row; ++earlier) {
        if (m_rules[size_t(earlier)].id == rule.id)
            return tr("id: \"%1\" repeats row %2").arg(rule.id).arg(earlier + 1);
    }
    return {};
}

QStringList AlertRuleTableModel::problems() const
{
    QStringList lines;
    for (int row = 0; row < rowCount(); ++row) {
        const QString text = problem(row);
        if (text.isEmpty())
            continue;
        const QString &id = m_rules[size_t(row)].id;
        lines << (id.isEmpty() ? tr("Row %1: %2").arg(row + 1).arg(text)
                               : tr("Row %1 (%2): %3").arg(row + 1).arg(id, text));
    }
    return lines;
}

bool AlertRuleTableModel::hasProblems() const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (!problem(row).isEmpty())
            return true;
    }
    return false;
}

void AlertRuleTableModel::setProblemColor(const QColor &color)
{
    m_problemColor = color;
    rowsChanged(0, rowCount() - 1);
}

int AlertRuleTableModel::problemColumn(int row) const
{
    // Every problem starts with the field it is about ("fireAt is not a finite number",
    // "id: ... repeats row 1"), in the JSON's names.
    const QString text = problem(row);
    qsizetype length = 0;
    while (length < text.size() && text.at(length).isLetter())
        ++length;
    const QString field = text.left(length);
    for (int column = 0; column < ColumnCount; ++column) {
        if (field == QLatin1String(kFields[size_t(column)]))
            return column;
    }
    return -1;
}

QString AlertRuleTableModel::uniqueId(const QString &id) const
{
    const QString base = id.isEmpty() ? u"rule"_s : id;
    const auto taken = [this](const QString &candidate) {
        return std::any_of(m_rules.cbegin(), m_rules.cend(),
                           [&candidate](const AlertRule &rule) { return rule.id == candidate; });
    };
    QString candidate = base;
    for (int n = 2; taken(candidate); ++n)
        candidate = base + u'.' + QString::number(n);
    return candidate;
}

void AlertRuleTableModel::rowsChanged(int first, int last)
{
    if (first <= last)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

} // namespace vantage
