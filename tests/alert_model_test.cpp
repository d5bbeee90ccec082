#include "models/AlertModel.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTextDocument>

using vantage::AlertInfo;
using vantage::AlertModel;
using vantage::AlertResolvedInfo;
using vantage::Severity;

namespace {

AlertInfo alert(const char *id, Severity severity, const QString &message = QStringLiteral("m"))
{
    AlertInfo a;
    a.id = QString::fromLatin1(id);
    a.severity = severity;
    a.message = message;
    a.affectedUsers = 3;
    return a;
}

QStringList ids(const AlertModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row).data(AlertModel::IdRole).toString());
    return out;
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromLatin1(item));
    return out;
}

} // namespace

TEST(AlertModel, OpenSortedBySeverityThenAge)
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyAlerts(1000, {alert("w1", Severity::Warning), alert("i1", Severity::Info)});
    model.applyAlerts(2000, {alert("c1", Severity::Critical), alert("w2", Severity::Warning)});
    model.applyAlerts(3000, {alert("c2", Severity::Critical), alert("e1", Severity::Error)});
    EXPECT_EQ(ids(model), list({"c1", "c2", "e1", "w1", "w2", "i1"}));
    EXPECT_EQ(model.index(0).data(AlertModel::RaisedAtRole).toLongLong(), 2000);
    EXPECT_EQ(model.index(0).data(AlertModel::SeverityRole).toInt(), static_cast<int>(Severity::Critical));
    EXPECT_EQ(model.index(0).data(AlertModel::SeverityNameRole).toString(), QStringLiteral("critical"));
    EXPECT_EQ(model.index(0).data(AlertModel::AffectedUsersRole).toInt(), 3);
    EXPECT_TRUE(model.index(0).data(AlertModel::IsOpenRole).toBool());
    EXPECT_EQ(model.index(0).data(AlertModel::ResolvedAtRole).toLongLong(), 0);
}

TEST(AlertModel, UpdateKeepsAgeAndMovesOnNewSeverity)
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyAlerts(1000, {alert("a", Severity::Warning), alert("b", Severity::Warning)});
    model.applyAlerts(1500, {alert("c", Severity::Error)});
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    model.applyAlerts(5000, {alert("b", Severity::Critical, QStringLiteral("worse"))});
    EXPECT_EQ(moved.count(), 1);
    EXPECT_EQ(ids(model), list({"b", "c", "a"}));
    EXPECT_EQ(model.index(0).data(AlertModel::MessageRole).toString(), QStringLiteral("worse"));
    EXPECT_EQ(model.index(0).data(AlertModel::RaisedAtRole).toLongLong(), 1000);
    EXPECT_EQ(model.rowCount(), 3);

    model.applyAlerts(6000, {alert("a", Severity::Warning, QStringLiteral("same"))});
    EXPECT_EQ(moved.count(), 1);
    EXPECT_EQ(model.index(2).data(Qt::DisplayRole).toString(), QStringLiteral("same"));
}

TEST(AlertModel, ResolveMovesToResolvedNewestFirst)
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyAlerts(1000, {alert("c1", Severity::Critical), alert("w1", Severity::Warning),
                             alert("i1", Severity::Info)});
    model.applyResolved(2000, {AlertResolvedInfo{QStringLiteral("c1"), QStringLiteral("fixed")}});
    model.applyResolved(3000, {AlertResolvedInfo{QStringLiteral("i1"), QString()},
                               AlertResolvedInfo{QStringLiteral("unknown"), QString()}});
    EXPECT_EQ(ids(model), list({"w1", "i1", "c1"}));
    EXPECT_EQ(model.openCount(), 1);
    EXPECT_FALSE(model.index(1).data(AlertModel::IsOpenRole).toBool());
    EXPECT_EQ(model.index(1).data(AlertModel::ResolvedAtRole).toLongLong(), 3000);
    EXPECT_EQ(model.index(2).data(AlertModel::ResolvedAtRole).toLongLong(), 2000);
    EXPECT_EQ(model.index(2).data(AlertModel::ResolveReasonRole).toString(), QStringLiteral("fixed"));

    // A resolved alert raised again is open again, and only once.
    model.applyAlerts(4000, {alert("c1", Severity::Critical)});
    EXPECT_EQ(ids(model), list({"c1", "w1", "i1"}));
    EXPECT_EQ(model.openCount(), 2);
}

TEST(AlertModel, KeepsAtMostTwoHundredResolved)
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (int i = 0; i < AlertModel::maxResolved + 5; ++i) {
        const QByteArray id = "a" + QByteArray::number(i);
        model.applyAlerts(i * 10, {alert(id.constData(), Severity::Info)});
        model.applyResolved(i * 10 + 5, {AlertResolvedInfo{QString::fromLatin1(id), QString()}});
    }
    EXPECT_EQ(model.rowCount(), AlertModel::maxResolved);
    EXPECT_EQ(model.index(0).data(AlertModel::IdRole).toString(), QStringLiteral("a204"));
    EXPECT_EQ(model.index(model.rowCount() - 1).data(AlertModel::IdRole).toString(), QStringLiteral("a5"));
}

TEST(AlertModel, CountsBySeverity)
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyAlerts(1000, {alert("c1", Severity::Critical), alert("c2", Severity::Critical),
                             alert("e1", Severity::Error), alert("w1", Severity::Warning)});
    model.applyResolved(2000, {AlertResolvedInfo{QStringLiteral("c2"), QString()}});
    EXPECT_EQ(model.openCount(), 3);
    EXPECT_EQ(model.openCount(Severity::Critical), 1);
    EXPECT_EQ(model.openCount(Severity::Error), 1);
    EXPECT_EQ(model.openCount(Severity::Warning), 1);
    EXPECT_EQ(model.openCount(Severity::Info), 0);
}

TEST(AlertModel, SnapshotReplacesTheOpenSet)
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyAlerts(1000, {alert("gone", Severity::Critical), alert("stays", Severity::Warning)});
    model.replaceOpen(9000, {alert("stays", Severity::Warning), alert("new", Severity::Error)});
    EXPECT_EQ(ids(model), list({"new", "stays", "gone"}));
    EXPECT_EQ(model.openCount(), 2);
    EXPECT_EQ(model.index(1).data(AlertModel::RaisedAtRole).toLongLong(), 1000);
    EXPECT_EQ(model.index(0).data(AlertModel::RaisedAtRole).toLongLong(), 9000);
    EXPECT_EQ(model.index(2).data(AlertModel::ResolvedAtRole).toLongLong(), 9000);

    model.replaceOpen(10000, {});
    EXPECT_EQ(model.openCount(), 0);
    EXPECT_EQ(model.rowCount(), 3);
}

TEST(AlertModel, MessageIsPlainTextInTooltip)
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QString hostile = QStringLiteral("<b>db</b> & <img src=http://127.0.0.1:9/x>");
    model.applyAlerts(1000, {alert("x", Severity::Error, hostile)});
    EXPECT_EQ(model.index(0).data(Qt::DisplayRole).toString(), hostile);
    const QString tooltip = model.index(0).data(Qt::ToolTipRole).toString();
    EXPECT_FALSE(tooltip.contains(QStringLiteral("<b>")));
    EXPECT_FALSE(tooltip.contains(QStringLiteral("<img")));
    QTextDocument doc;
    doc.setHtml(tooltip);
    EXPECT_TRUE(doc.toPlainText().contains(hostile));
}

TEST(AlertModel, OpenAlertsAreCappedDroppingTheLeastSevereOldest)
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyAlerts(0, {alert("c-old", Severity::Critical)});
    std::vector<AlertInfo> warnings;
    for (int i = 0; i < AlertModel::maxOpen - 1; ++i) {
        const QByteArray id = "w" + QByteArray::number(i);
        warnings.push_back(alert(id.constData(), Severity::Warning));
    }
    model.applyAlerts(1000, {warnings[0]});
    model.applyAlerts(2000, std::vector<AlertInfo>(warnings.begin() + 1, warnings.end()));
    ASSERT_EQ(model.openCount(), AlertModel::maxOpen);
    EXPECT_EQ(model.droppedOpen(), 0);

    // A new critical alert displaces the oldest of the least severe ones.
    model.applyAlerts(5000, {alert("c-new", Severity::Critical)});
    EXPECT_EQ(model.openCount(), AlertModel::maxOpen);
    EXPECT_EQ(model.droppedOpen(), 1);
    QStringList open = ids(model);
    EXPECT_FALSE(open.contains(QStringLiteral("w0")));
    EXPECT_EQ(open.mid(0, 2), list({"c-old", "c-new"}));
    EXPECT_EQ(open.last(), QStringLiteral("w998"));

    // A new alert less severe than every open one is the one dropped.
    model.applyAlerts(6000, {alert("i-new", Severity::Info)});
    EXPECT_EQ(model.droppedOpen(), 2);
    EXPECT_FALSE(ids(model).contains(QStringLiteral("i-new")));

    // An update of an open alert is not a new one; a resolution makes room again.
    model.applyAlerts(7000, {alert("w500", Severity::Warning, QStringLiteral("again"))});
    model.applyResolved(8000, {AlertResolvedInfo{QStringLiteral("c-old"), QString()}});
    model.applyAlerts(9000, {alert("i-late", Severity::Info)});
    EXPECT_EQ(model.droppedOpen(), 2);
    EXPECT_EQ(model.openCount(), AlertModel::maxOpen);
    open = ids(model);
    EXPECT_EQ(open.at(AlertModel::maxOpen - 1), QStringLiteral("i-late"));
    EXPECT_EQ(open.at(AlertModel::maxOpen), QStringLiteral("c-old")); // first resolved
    EXPECT_TRUE(open.contains(QStringLiteral("w1")));
}
