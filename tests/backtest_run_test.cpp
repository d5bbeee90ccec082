#include "support/GzipFiles.h"
#include "support/LogFrames.h"
#include "support/VantageProcess.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

// End to end: `vantage --backtest LOG --rules FILE --stats-json OUT` on a log whose answer is
// worked out by hand (the same cpu pattern as alert_backtest_test), and its errors.

using namespace vantage;

namespace {

// cpu_percent every 10 s for 1700 s. Defaults (fire at 70 for 60 s, resolve below 63, repeat
// after 10 min): fired at 360, 960 and 1560, resolved at 480 and 1200, 2 flaps, 2 suppressed,
// 490 s firing, longest 240 s. The candidate (fire at 85, resolve below 80) fires once, at 1360,
// and is still firing at 1690: 330 s.
QByteArray cpuLog()
{
    const std::pair<int, int> stretches[] = {{300, 50},  {480, 80},  {600, 50},  {630, 75}, {700, 50},
                                             {1100, 80}, {1200, 66}, {1300, 50}, {1700, 90}};
    QByteArray log;
    int seq = 0;
    int s = 0;
    for (const auto &[until, cpu] : stretches) {
        for (; s < until; s += 10)
            log += R"({"v":1,"type":"metrics","seq":)" + QByteArray::number(++seq) + R"(,"ts":")" +
                   formatRfc3339Ms(test::kLogStartMs + s * 1000LL) + R"(","data":{"cpu_percent":)" +
                   QByteArray::number(cpu) + "}}\n";
    }
    return log;
}

QByteArray candidateRules(const QByteArray &fireAt)
{
    return R"({"version":1,"rules":[{"id":"cpu_percent.high","metric":"cpu_percent","direction":"above",)"
           R"("fireAt":)" +
           fireAt +
           R"(,"resolveAt":80,"forMs":60000,"repeatAfterMs":600000,"severity":"warning",)"
           R"("message":"CPU {value}%","unit":"%"}]})";
}

struct Output
{
    int exitCode = -1;
    QString out;
    QString err;
};

class BacktestRun : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    // Runs the real binary to its end; stdout too, which runVantage does not keep.
    Output backtest(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), path("config"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(VANTAGE_BIN_DIR "/vantage"),
                      QStringList{QStringLiteral("--backtest")} + arguments);
        const bool finished = process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit;
        EXPECT_TRUE(finished);
        if (!finished) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QTemporaryDir m_dir;
};

// The table row of a rule with its cells, whatever the spacing.
QStringList rowOf(const QString &out, const QString &ruleId)
{
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        if (line.startsWith(ruleId + QLatin1Char(' ')))
            return line.split(QRegularExpression(QStringLiteral("\\s{2,}")), Qt::SkipEmptyParts);
    }
    return {};
}

} // namespace

TEST_F(BacktestRun, PrintsTheTableAndSummariesAndWritesTheJson)
{
    const QString log = path("cpu.ndjson.gz");
    ASSERT_TRUE(test::writeGzip(log, cpuLog()));
    const QString rules = path("candidate.json");
    ASSERT_TRUE(test::writeBytes(rules, candidateRules("85")));
    const QString stats = path("stats.json");

    const Output run =
        backtest({log, QStringLiteral("--rules"), rules, QStringLiteral("--stats-json"), stats});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const std::string out = run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("170 samples, 0 frames rejected, 0 bad lines"))) << out;
    EXPECT_TRUE(run.out.contains(QStringLiteral("defaults")) &&
                run.out.contains(QStringLiteral("candidate.json")))
        << out;
    const QStringList cpu = rowOf(run.out, QStringLiteral("cpu_percent.high"));
    const QStringList expected = {QStringLiteral("cpu_percent.high"),
                                  QStringLiteral("3"),
                                  QStringLiteral("2"),
                                  QStringLiteral("2"),
                                  QStringLiteral("8 min 10 s"),
                                  QStringLiteral("4 min+"),
                                  QStringLiteral("1"),
                                  QStringLiteral("0"),
                                  QStringLiteral("0"),
                                  QStringLiteral("5 min 30 s"),
                                  QStringLiteral("5 min 30 s+")};
    EXPECT_EQ(cpu, expected) << out;
    EXPECT_EQ(rowOf(run.out, QStringLiteral("memory_percent.high")).mid(1, 5),
              (QStringList{QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0"),
                           QStringLiteral("0 s"), QStringLiteral("0 s")}))
        << out;
    EXPECT_TRUE(run.out.contains(QStringLiteral("\ndefaults: 3 alerts, 2 flaps, 8 min 10 s firing\n")))
        << out;
    EXPECT_TRUE(run.out.contains(QStringLiteral("\ncandidate.json: 1 alert, 0 flaps, 5 min 30 s firing\n")))
        << out;

    const QJsonObject json = test::readJsonObject(stats);
    const std::string text = QJsonDocument(json).toJson().toStdString();
    EXPECT_EQ(json[QStringLiteral("samples")].toInteger(), 170) << text;
    EXPECT_EQ(json[QStringLiteral("span_ms")].toInteger(), 1'690'000) << text;
    EXPECT_EQ(json[QStringLiteral("log")].toString(), log) << text;
    const QJsonArray sets = json[QStringLiteral("sets")].toArray();
    ASSERT_EQ(sets.size(), 2) << text;
    EXPECT_EQ(sets[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("defaults"));
    EXPECT_EQ(sets[0].toObject()[QStringLiteral("fired")].toInteger(), 3) << text;
    EXPECT_EQ(sets[0].toObject()[QStringLiteral("flaps")].toInteger(), 2) << text;
    EXPECT_EQ(sets[0].toObject()[QStringLiteral("suppressed")].toInteger(), 2) << text;
    EXPECT_EQ(sets[0].toObject()[QStringLiteral("firing_ms")].toInteger(), 490'000) << text;
    QJsonObject defaultsCpu;
    for (const QJsonValue &rule : sets[0].toObject()[QStringLiteral("rules")].toArray()) {
        if (rule.toObject()[QStringLiteral("id")].toString() == QLatin1String("cpu_percent.high"))
            defaultsCpu = rule.toObject();
    }
    EXPECT_EQ(defaultsCpu[QStringLiteral("resolved")].toInteger(), 2) << text;
    EXPECT_EQ(defaultsCpu[QStringLiteral("longest_firing_ms")].toInteger(), 240'000) << text;
    EXPECT_TRUE(defaultsCpu[QStringLiteral("firing_at_end")].toBool()) << text;
    const QJsonObject candidate = sets[1].toObject();
    EXPECT_EQ(candidate[QStringLiteral("name")].toString(), QStringLiteral("candidate.json"));
    const QJsonObject candidateCpu = candidate[QStringLiteral("rules")].toArray()[0].toObject();
    EXPECT_EQ(candidateCpu[QStringLiteral("fired")].toInteger(), 1) << text;
    EXPECT_EQ(candidateCpu[QStringLiteral("firing_ms")].toInteger(), 330'000) << text;
    EXPECT_EQ(candidateCpu[QStringLiteral("longest_firing_ms")].toInteger(), 330'000) << text;
}

TEST_F(BacktestRun, WithoutRulesOnlyTheDefaults)
{
    const QString log = path("cpu.ndjson");
    ASSERT_TRUE(test::writeBytes(log, cpuLog()));
    const Output run = backtest({log});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(rowOf(run.out, QStringLiteral("cpu_percent.high")).size(), 6) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("\ndefaults: 3 alerts, 2 flaps, 8 min 10 s firing\n")))
        << run.out.toStdString();
}

TEST_F(BacktestRun, BadRulesFileExitsTwoNamingTheRuleAndField)
{
    const QString log = path("cpu.ndjson");
    ASSERT_TRUE(test::writeBytes(log, cpuLog()));
    const QString rules = path("bad.json");
    // resolveAt above fireAt for a rule that fires above.
    ASSERT_TRUE(test::writeBytes(rules, candidateRules("75")));
    const Output bad = backtest({log, QStringLiteral("--rules"), rules});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(rules)) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(QStringLiteral("rules[0]: resolveAt (80) is above fireAt (75)")))
        << bad.err.toStdString();

    ASSERT_TRUE(test::writeBytes(rules, candidateRules("\"high\"")));
    const Output wrongType = backtest({log, QStringLiteral("--rules"), rules});
    EXPECT_EQ(wrongType.exitCode, 2);
    EXPECT_TRUE(wrongType.err.contains(QStringLiteral("rules[0].fireAt"))) << wrongType.err.toStdString();

    const QString missingRules = path("missing.json");
    const Output missing = backtest({log, QStringLiteral("--rules"), missingRules});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(missingRules)) << missing.err.toStdString();
}

TEST_F(BacktestRun, MissingLogExitsOneNamingIt)
{
    const QString log = path("missing.ndjson");
    const Output run = backtest({log});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(log)) << run.err.toStdString();
    EXPECT_TRUE(run.out.isEmpty()) << run.out.toStdString();
}
