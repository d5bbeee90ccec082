#include "support/CpuBacktestLog.h"
#include "support/GzipFiles.h"
#include "ui/AlertRuleTableModel.h"
#include "ui/AlertRulesDialog.h"
#include "ui/BacktestPanel.h"
#include "ui/BacktestReportModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

// The alert rules dialog (docs/alert-rules-dialog.md): editing, validation naming the field,
// Save and Restore defaults, and the backtest of the rules in force beside the edited ones over
// the hand-worked log of support/CpuBacktestLog.h.

using namespace vantage;

namespace {

using Column = AlertRuleTableModel::Column;

constexpr int kWaitMs = 20'000;

class AlertRulesDialogGui : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_dialog.setRules(AlertRule::defaults());
        m_dialog.show();
        recordSaves();
    }

    template <typename T> T *child(const char *name) const
    {
        T *widget = m_dialog.findChild<T *>(QLatin1String(name));
        EXPECT_TRUE(widget) << name;
        return widget;
    }

    AlertRuleTableModel *model() const { return m_dialog.ruleModel(); }
    QModelIndex cell(int row, Column column) const { return model()->index(row, column); }
    bool edit(int row, Column column, const QVariant &value)
    {
        return model()->setData(cell(row, column), value);
    }
    QPushButton *saveButton() const { return child<QPushButton>("rules.save"); }
    QLabel *problemsLabel() const { return child<QLabel>("rules.problems"); }
    QToolButton *runButton() const { return child<QToolButton>("backtest.run"); }
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    int rowOf(const char *id) const
    {
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->rules()[size_t(row)].id == QLatin1String(id))
                return row;
        }
        return -1;
    }

    // Clicks Run and waits for the outcome.
    void runBacktest()
    {
        QSignalSpy finished(m_dialog.backtestPanel(), &BacktestPanel::finished);
        QTest::mouseClick(runButton(), Qt::LeftButton);
        ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, kWaitMs));
    }

    QString result(const char *ruleId, int set, int field) const
    {
        const BacktestReportModel *results = m_dialog.backtestPanel()->results();
        const int row = ruleId ? results->rowOf(QLatin1String(ruleId)) : results->rowCount() - 1;
        return results->index(row, 1 + set * BacktestReportModel::columnsPerSet + field).data().toString();
    }

    QTemporaryDir m_dir;
    AlertRulesDialog m_dialog;
    QAbstractItemModelTester m_rulesTester{m_dialog.ruleModel(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester m_resultsTester{m_dialog.backtestPanel()->results(),
                                             QAbstractItemModelTester::FailureReportingMode::Fatal};
    std::vector<std::vector<AlertRule>> m_saved;

private:
    void recordSaves()
    {
        QObject::connect(&m_dialog, &AlertRulesDialog::rulesSaved,
                         [this](const std::vector<AlertRule> &rules) { m_saved.push_back(rules); });
    }
};

} // namespace

TEST_F(AlertRulesDialogGui, OpensWithTheRulesItIsGiven)
{
    EXPECT_EQ(m_dialog.rules(), AlertRule::defaults());
    EXPECT_EQ(model()->rowCount(), int(AlertRule::defaults().size()));
    const int cpu = rowOf("cpu_percent.high");
    EXPECT_EQ(cell(cpu, Column::FireAtColumn).data().toString(), QStringLiteral("70"));
    EXPECT_EQ(cell(cpu, Column::ForColumn).data().toString(), QStringLiteral("60 s"));
    EXPECT_EQ(cell(cpu, Column::RepeatAfterColumn).data().toString(), QStringLiteral("600 s"));
    EXPECT_EQ(cell(cpu, Column::SeverityColumn).data().toString(), QStringLiteral("warning"));
    EXPECT_EQ(cell(cpu, Column::EnabledColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    EXPECT_TRUE(m_dialog.canSave());
    EXPECT_TRUE(saveButton()->isEnabled());
    EXPECT_TRUE(problemsLabel()->isHidden());
}

TEST_F(AlertRulesDialogGui, EditingAThresholdInItsCellChangesTheRules)
{
    const int cpu = rowOf("cpu_percent.high");
    QTableView *view = m_dialog.ruleView();
    view->edit(cell(cpu, Column::FireAtColumn));
    auto *editor = view->viewport()->findChild<QLineEdit *>();
    ASSERT_TRUE(editor);
    EXPECT_EQ(editor->text(), QStringLiteral("70"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("85.5"));
    QTest::keyClick(editor, Qt::Key_Return);

    ASSERT_TRUE(QTest::qWaitFor([&] { return m_dialog.rules()[size_t(cpu)].fireAt == 85.5; }, 5000));
    std::vector<AlertRule> expected = AlertRule::defaults();
    expected[size_t(cpu)].fireAt = 85.5;
    EXPECT_EQ(m_dialog.rules(), expected);
    // Enter commits the cell; it neither saves nor closes the dialog.
    EXPECT_TRUE(m_dialog.isVisible());
    EXPECT_TRUE(m_saved.empty());
}

TEST_F(AlertRulesDialogGui, TheMetricIsAnEditableComboOfferingTheKnownGaugesAndTakingAnyName)
{
    QTableView *view = m_dialog.ruleView();
    view->edit(cell(0, Column::MetricColumn));
    auto *combo = view->viewport()->findChild<QComboBox *>(QStringLiteral("rules.metricEditor"));
    ASSERT_TRUE(combo);
    EXPECT_TRUE(combo->isEditable());
    QStringList offered;
    for (int i = 0; i < combo->count(); ++i)
        offered << combo->itemText(i);
    for (const char *gauge : {"requests_per_second", "avg_response_ms", "p50_response_ms", "p95_response_ms",
                              "error_rate", "queue_depth", "cpu_percent", "memory_percent", "active_connections"})
        EXPECT_TRUE(offered.contains(QLatin1String(gauge))) << gauge;
    EXPECT_EQ(combo->currentText(), QStringLiteral("avg_response_ms"));

    combo->lineEdit()->selectAll();
    QTest::keyClicks(combo->lineEdit(), QStringLiteral("db.pool.busy"));
    QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return m_dialog.rules()[0].metric == QStringLiteral("db.pool.busy"); }, 5000));
    EXPECT_TRUE(m_dialog.canSave());
}

TEST_F(AlertRulesDialogGui, DurationsAreEditedInSecondsAndKeptInMilliseconds)
{
    ASSERT_TRUE(edit(0, Column::ForColumn, 90.5));
    ASSERT_TRUE(edit(0, Column::RepeatAfterColumn, QStringLiteral("1200")));
    EXPECT_EQ(m_dialog.rules()[0].forMs, 90'500);
    EXPECT_EQ(m_dialog.rules()[0].repeatAfterMs, 1'200'000);
    EXPECT_EQ(cell(0, Column::ForColumn).data().toString(), QStringLiteral("90.5 s"));
    // Not a number: the edit is refused and the rule unchanged.
    EXPECT_FALSE(edit(0, Column::ForColumn, QStringLiteral("soon")));
    EXPECT_EQ(m_dialog.rules()[0].forMs, 90'500);
}

TEST_F(AlertRulesDialogGui, DirectionSeverityAndEnabledAreEdited)
{
    ASSERT_TRUE(edit(0, Column::SeverityColumn, QStringLiteral("critical")));
    EXPECT_FALSE(edit(0, Column::SeverityColumn, QStringLiteral("fatal")));
    ASSERT_TRUE(model()->setData(cell(0, Column::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_EQ(m_dialog.rules()[0].severity, Severity::Critical);
    EXPECT_FALSE(m_dialog.rules()[0].enabled);

    // Turning a rule round needs its thresholds swapped too: until then it says what is wrong.
    ASSERT_TRUE(edit(0, Column::DirectionColumn, QStringLiteral("below")));
    EXPECT_EQ(m_dialog.rules()[0].direction, AlertRule::Direction::Below);
    EXPECT_FALSE(m_dialog.canSave());
    ASSERT_TRUE(edit(0, Column::FireAtColumn, QStringLiteral("100")));
    ASSERT_TRUE(edit(0, Column::ResolveAtColumn, QStringLiteral("150")));
    EXPECT_TRUE(m_dialog.canSave());
}

TEST_F(AlertRulesDialogGui, AnInvalidValueShowsTheNamedErrorAndDisablesSave)
{
    m_dialog.setLogPath(path("any.ndjson"));
    const int cpu = rowOf("cpu_percent.high");
    ASSERT_TRUE(edit(cpu, Column::ResolveAtColumn, QStringLiteral("75")));

    EXPECT_FALSE(m_dialog.canSave());
    EXPECT_FALSE(saveButton()->isEnabled());
    EXPECT_FALSE(runButton()->isEnabled());
    EXPECT_FALSE(problemsLabel()->isHidden());
    EXPECT_EQ(problemsLabel()->textFormat(), Qt::PlainText);
    EXPECT_TRUE(problemsLabel()->text().startsWith(
        QStringLiteral("Row 3 (cpu_percent.high): resolveAt (75) is above fireAt (70)")))
        << problemsLabel()->text().toStdString();
    EXPECT_EQ(m_dialog.problems().size(), 1);
    // The field named is the cell drawn in the problem colour, and the row says why.
    EXPECT_EQ(cell(cpu, Column::ResolveAtColumn).data(Qt::ForegroundRole).value<QColor>(),
              Theme::dark().critical);
    EXPECT_FALSE(cell(cpu, Column::FireAtColumn).data(Qt::ForegroundRole).isValid());
    EXPECT_TRUE(
        cell(cpu, Column::IdColumn).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("resolveAt")));

    ASSERT_TRUE(edit(cpu, Column::FireAtColumn, QStringLiteral("high")));
    EXPECT_TRUE(problemsLabel()->text().contains(QStringLiteral("fireAt is not a finite number")))
        << problemsLabel()->text().toStdString();
    EXPECT_EQ(cell(cpu, Column::FireAtColumn).data(Qt::ForegroundRole).value<QColor>(),
              Theme::dark().critical);
    EXPECT_EQ(cell(cpu, Column::FireAtColumn).data().toString(), QString());

    ASSERT_TRUE(edit(cpu, Column::FireAtColumn, QStringLiteral(" 80 ")));
    EXPECT_TRUE(m_dialog.canSave());
    EXPECT_TRUE(saveButton()->isEnabled());
    EXPECT_TRUE(runButton()->isEnabled());
    EXPECT_TRUE(problemsLabel()->isHidden());
    EXPECT_EQ(m_dialog.rules()[size_t(cpu)].fireAt, 80.0);
}

TEST_F(AlertRulesDialogGui, AnEmptyMessageIsNamed)
{
    ASSERT_TRUE(edit(1, Column::MessageColumn, QString()));
    EXPECT_EQ(m_dialog.problems(),
              QStringList({QStringLiteral("Row 2 (error_rate.high): message is empty")}));
    EXPECT_FALSE(saveButton()->isEnabled());
}

TEST_F(AlertRulesDialogGui, DuplicateIdsDisableSave)
{
    ASSERT_TRUE(edit(1, Column::IdColumn, QStringLiteral("avg_response_ms.high")));
    EXPECT_FALSE(m_dialog.canSave());
    EXPECT_FALSE(saveButton()->isEnabled());
    EXPECT_EQ(m_dialog.problems(),
              QStringList({QStringLiteral(
                  "Row 2 (avg_response_ms.high): id: \"avg_response_ms.high\" repeats row 1")}));
    EXPECT_EQ(cell(1, Column::IdColumn).data(Qt::ForegroundRole).value<QColor>(), Theme::dark().critical);

    // Renaming the first of the two clears the second.
    ASSERT_TRUE(edit(0, Column::IdColumn, QStringLiteral("latency")));
    EXPECT_TRUE(m_dialog.canSave());
    EXPECT_TRUE(saveButton()->isEnabled());
    EXPECT_FALSE(cell(1, Column::IdColumn).data(Qt::ForegroundRole).isValid());
}

TEST_F(AlertRulesDialogGui, SaveEmitsTheEditedRulesAndCloses)
{
    ASSERT_TRUE(edit(0, Column::FireAtColumn, QStringLiteral("2500")));
    std::vector<AlertRule> expected = AlertRule::defaults();
    expected[0].fireAt = 2500;

    QTest::mouseClick(saveButton(), Qt::LeftButton);
    ASSERT_EQ(m_saved.size(), 1u);
    EXPECT_EQ(m_saved[0], expected);
    EXPECT_EQ(m_dialog.result(), QDialog::Accepted);
    EXPECT_FALSE(m_dialog.isVisible());
}

TEST_F(AlertRulesDialogGui, ADisabledSaveEmitsNothing)
{
    ASSERT_TRUE(edit(0, Column::IdColumn, QString()));
    EXPECT_EQ(m_dialog.problems(), QStringList({QStringLiteral("Row 1: id is empty")}));
    QTest::mouseClick(saveButton(), Qt::LeftButton);
    EXPECT_TRUE(m_saved.empty());
    EXPECT_TRUE(m_dialog.isVisible());
}

TEST_F(AlertRulesDialogGui, CancelEmitsNothing)
{
    ASSERT_TRUE(edit(0, Column::FireAtColumn, QStringLiteral("2500")));
    QTest::mouseClick(child<QPushButton>("rules.cancel"), Qt::LeftButton);
    EXPECT_TRUE(m_saved.empty());
    EXPECT_EQ(m_dialog.result(), QDialog::Rejected);
}

TEST_F(AlertRulesDialogGui, RestoreDefaultsReplacesTheEditsWithoutSaving)
{
    AlertRule only = AlertRule::defaults()[2];
    only.fireAt = 95;
    only.resolveAt = 90;
    m_dialog.setRules({only});
    ASSERT_EQ(model()->rowCount(), 1);
    ASSERT_TRUE(edit(0, Column::ResolveAtColumn, QStringLiteral("99")));
    ASSERT_FALSE(m_dialog.canSave());

    QTest::mouseClick(child<QPushButton>("rules.restoreDefaults"), Qt::LeftButton);
    EXPECT_EQ(m_dialog.rules(), AlertRule::defaults());
    EXPECT_TRUE(m_dialog.canSave());
    EXPECT_TRUE(problemsLabel()->isHidden());
    EXPECT_TRUE(m_saved.empty());
    EXPECT_TRUE(m_dialog.isVisible());
}

TEST_F(AlertRulesDialogGui, AddDuplicateAndRemove)
{
    auto *duplicate = child<QToolButton>("rules.duplicate");
    auto *remove = child<QToolButton>("rules.remove");
    EXPECT_FALSE(duplicate->isEnabled()); // nothing selected
    EXPECT_FALSE(remove->isEnabled());

    m_dialog.ruleView()->selectRow(0);
    EXPECT_TRUE(duplicate->isEnabled());
    QTest::mouseClick(duplicate, Qt::LeftButton);
    ASSERT_EQ(model()->rowCount(), 5);
    AlertRule copy = AlertRule::defaults()[0];
    copy.id = QStringLiteral("avg_response_ms.high.2");
    EXPECT_EQ(m_dialog.rules()[1], copy);
    EXPECT_TRUE(m_dialog.canSave());

    // A new rule goes after the selected (the copy) and says what it lacks.
    QTest::mouseClick(child<QToolButton>("rules.add"), Qt::LeftButton);
    ASSERT_EQ(model()->rowCount(), 6);
    EXPECT_EQ(m_dialog.rules()[2].id, QStringLiteral("rule"));
    EXPECT_EQ(m_dialog.problems(), QStringList({QStringLiteral("Row 3 (rule): metric is empty")}));
    EXPECT_FALSE(saveButton()->isEnabled());
    ASSERT_TRUE(edit(2, Column::MetricColumn, QStringLiteral("queue_depth")));
    EXPECT_EQ(m_dialog.problems(),
              QStringList({QStringLiteral("Row 3 (rule): fireAt is not a finite number")}));
    ASSERT_TRUE(edit(2, Column::FireAtColumn, QStringLiteral("50")));
    EXPECT_EQ(m_dialog.problems(),
              QStringList({QStringLiteral("Row 3 (rule): resolveAt is not a finite number")}));
    ASSERT_TRUE(edit(2, Column::ResolveAtColumn, QStringLiteral("40")));
    EXPECT_TRUE(m_dialog.canSave());

    // The new rule is selected; removing it leaves the duplicate.
    QTest::mouseClick(remove, Qt::LeftButton);
    ASSERT_EQ(model()->rowCount(), 5);
    EXPECT_EQ(m_dialog.rules()[1], copy);
    EXPECT_EQ(rowOf("rule"), -1);
}

TEST_F(AlertRulesDialogGui, UntrustedTextIsShownAsWritten)
{
    ASSERT_TRUE(edit(0, Column::IdColumn, QStringLiteral("<b>cpu</b>")));
    ASSERT_TRUE(edit(0, Column::MessageColumn, QString()));
    EXPECT_EQ(problemsLabel()->textFormat(), Qt::PlainText);
    EXPECT_TRUE(problemsLabel()->text().contains(QStringLiteral("(<b>cpu</b>)")));
    EXPECT_EQ(child<QLabel>("backtest.summary")->textFormat(), Qt::PlainText);
    EXPECT_EQ(child<QLabel>("backtest.error")->textFormat(), Qt::PlainText);
}

TEST_F(AlertRulesDialogGui, RunNeedsALog)
{
    EXPECT_FALSE(runButton()->isEnabled());
    m_dialog.setLogPath(path("cpu.ndjson"));
    EXPECT_EQ(child<QLineEdit>("backtest.log")->text(), path("cpu.ndjson"));
    EXPECT_TRUE(runButton()->isEnabled());
}

TEST_F(AlertRulesDialogGui, TheBacktestShowsTheKnownCountsOfTheCurrentAndTheEditedRules)
{
    const QString log = path("cpu.ndjson");
    ASSERT_TRUE(test::writeBytes(log, test::cpuLog()));
    m_dialog.setLogPath(log);
    const int cpu = rowOf("cpu_percent.high");
    ASSERT_TRUE(edit(cpu, Column::FireAtColumn, QStringLiteral("85")));
    ASSERT_TRUE(edit(cpu, Column::ResolveAtColumn, QStringLiteral("80")));

    QSignalSpy finished(m_dialog.backtestPanel(), &BacktestPanel::finished);
    QTest::mouseClick(runButton(), Qt::LeftButton);
    // The outcome comes back through the event loop, so until then the panel is busy.
    EXPECT_TRUE(m_dialog.backtestPanel()->isRunning());
    EXPECT_FALSE(child<QProgressBar>("backtest.busy")->isHidden());
    EXPECT_FALSE(runButton()->isEnabled());
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, kWaitMs));
    EXPECT_FALSE(m_dialog.backtestPanel()->isRunning());
    EXPECT_TRUE(child<QProgressBar>("backtest.busy")->isHidden());
    EXPECT_TRUE(runButton()->isEnabled());
    EXPECT_TRUE(child<QLabel>("backtest.error")->isHidden());

    const BacktestReportModel *results = m_dialog.backtestPanel()->results();
    ASSERT_EQ(results->columnCount(), 1 + 2 * BacktestReportModel::columnsPerSet);
    EXPECT_EQ(results->headerData(1, Qt::Horizontal).toString(), QStringLiteral("current\nfired"));
    EXPECT_EQ(results->headerData(1 + BacktestReportModel::columnsPerSet, Qt::Horizontal).toString(),
              QStringLiteral("edited\nfired"));
    ASSERT_EQ(results->rowCount(), int(AlertRule::defaults().size()) + 1);
    EXPECT_EQ(results->index(results->rowCount() - 1, 0).data().toString(), QStringLiteral("Total"));

    // The rules the dialog was opened with: the defaults' hand-worked answer.
    const QStringList current = {QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("2"),
                                 QStringLiteral("8 min 10 s"), QStringLiteral("4 min+")};
    // As edited: one firing on the last stretch, still open.
    const QStringList edited = {QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("0"),
                                QStringLiteral("5 min 30 s"), QStringLiteral("5 min 30 s+")};
    for (int field = 0; field < BacktestReportModel::columnsPerSet; ++field) {
        EXPECT_EQ(result("cpu_percent.high", 0, field), current[field]) << field;
        EXPECT_EQ(result("cpu_percent.high", 1, field), edited[field]) << field;
        // No other gauge is in the log, so the totals are the cpu rule's, without the "+".
        EXPECT_EQ(result(nullptr, 0, field), QString(current[field]).remove(QLatin1Char('+'))) << field;
        EXPECT_EQ(result(nullptr, 1, field), QString(edited[field]).remove(QLatin1Char('+'))) << field;
        EXPECT_EQ(result("memory_percent.high", 1, field),
                  field < 3 ? QStringLiteral("0") : QStringLiteral("0 s"));
    }

    const QLabel *summary = child<QLabel>("backtest.summary");
    EXPECT_FALSE(summary->isHidden());
    EXPECT_TRUE(
        summary->text().startsWith(log + QStringLiteral(": 2026-06-13T09:00:00.000Z to "
                                                        "2026-06-13T09:28:10.000Z (28 min 10 s), "
                                                        "170 samples, 0 frames rejected, 0 bad lines")))
        << summary->text().toStdString();
    EXPECT_TRUE(summary->text().contains(QStringLiteral("+: still firing at the end of the log")));
}

TEST_F(AlertRulesDialogGui, TheBacktestRunsTheRulesTheDialogWasOpenedWithAsCurrent)
{
    const QString log = path("cpu.ndjson.gz");
    ASSERT_TRUE(test::writeGzip(log, test::cpuLog()));
    AlertRule cpu = AlertRule::defaults()[2];
    cpu.fireAt = 85;
    cpu.resolveAt = 80;
    m_dialog.setRules({cpu});
    m_dialog.setLogPath(log);
    // The edit is the defaults; "current" stays the single rule the dialog was given.
    QTest::mouseClick(child<QPushButton>("rules.restoreDefaults"), Qt::LeftButton);

    runBacktest();
    EXPECT_EQ(result("cpu_percent.high", 0, 0), QStringLiteral("1"));
    EXPECT_EQ(result("cpu_percent.high", 1, 0), QStringLiteral("3"));
    // The current set has no memory rule.
    EXPECT_EQ(result("memory_percent.high", 0, 0), QStringLiteral("-"));
    EXPECT_EQ(result("memory_percent.high", 1, 0), QStringLiteral("0"));
}

TEST_F(AlertRulesDialogGui, AnUnreadableLogShowsThePlainError)
{
    const QString missing = path("missing.ndjson");
    m_dialog.setLogPath(missing);
    runBacktest();

    const QLabel *error = child<QLabel>("backtest.error");
    EXPECT_FALSE(error->isHidden());
    EXPECT_EQ(error->textFormat(), Qt::PlainText);
    EXPECT_TRUE(error->text().contains(missing)) << error->text().toStdString();
    EXPECT_TRUE(child<QLabel>("backtest.summary")->isHidden());
    EXPECT_EQ(m_dialog.backtestPanel()->results()->rowCount(), 0);
    EXPECT_TRUE(runButton()->isEnabled());

    // A readable log afterwards replaces the error with the report.
    const QString log = path("cpu.ndjson");
    ASSERT_TRUE(test::writeBytes(log, test::cpuLog()));
    m_dialog.setLogPath(log);
    runBacktest();
    EXPECT_TRUE(error->isHidden());
    EXPECT_EQ(result("cpu_percent.high", 0, 0), QStringLiteral("3"));
}
