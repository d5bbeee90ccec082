#pragma once

#include "models/AlertRule.h"
#include "widgets/Theme.h"

#include <QDialog>
#include <QStringList>

#include <vector>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableView;
class QToolButton;

namespace vantage {

class AlertRuleTableModel;
class BacktestPanel;

// Alerts > Rules... (docs/alert-rules-dialog.md): edits the client-side alert rules in a table,
// flags what is wrong with a rule naming the field (Save stays disabled while any rule is
// unusable or an id repeats), and backtests the rules in force ("current") beside the rules as
// edited ("edited") over a recorded log. The dialog keeps no settings: Save hands the rules to
// whoever opened it (rulesSaved), which applies and stores them.
class AlertRulesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AlertRulesDialog(QWidget *parent = nullptr);

    // The rules in force: the editor starts from them, and the backtest runs them as "current".
    void setRules(std::vector<AlertRule> rules);
    // The rules as edited.
    std::vector<AlertRule> rules() const;
    // The log the backtest reads, e.g. the one the window replays; the operator may browse for another.
    void setLogPath(const QString &path);
    void setTheme(const Theme &theme);

    // Every rule usable and no id repeated, so Save applies.
    bool canSave() const;
    // What keeps Save disabled, one line per rule: "Row 3 (cpu.high): fireAt is not a finite number".
    QStringList problems() const;

    AlertRuleTableModel *ruleModel() const { return m_model; }
    QTableView *ruleView() const { return m_view; }
    BacktestPanel *backtestPanel() const { return m_backtest; }

Q_SIGNALS:
    // Save: the edited rules, each valid and with a distinct id; the dialog then closes (accepted).
    void rulesSaved(const std::vector<AlertRule> &rules);

private:
    QWidget *buildRulesPart();
    void addRule();
    void duplicateRule();
    void removeRule();
    void save();
    void runBacktest();
    void refreshProblems();
    void refreshRowButtons();
    int selectedRow() const;
    void selectRow(int row);

    std::vector<AlertRule> m_current;
    AlertRuleTableModel *m_model;
    QTableView *m_view;
    QToolButton *m_add;
    QToolButton *m_duplicate;
    QToolButton *m_remove;
    QLabel *m_problems;
    BacktestPanel *m_backtest;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    QPushButton *m_restore;
};

} // namespace vantage
