#include "prometheus/PromAnswer.h"
#include "prometheus/PromQuery.h"
#include "prometheus/SeriesName.h"

#include <QUrlQuery>

#include <gtest/gtest.h>

// Reading Prometheus's HTTP API answers, and writing its queries: pure functions, no server.

using namespace vantage;

TEST(PrometheusAnswer, AMatrixKeepsSortedLabelsAndEverySample)
{
    const PromAnswer answer =
        readPrometheusAnswer(200, R"({"status":"success","data":{"resultType":"matrix","result":[
            {"metric":{"job":"relay","__name__":"vantage_relay_clients","transport":"sse"},
             "values":[[1700000000,"0"],[1700000015,"2"],[1700000030,"NaN"],[1700000045,"+Inf"],[1700000060,"-Inf"]]},
            {"metric":{},"values":[]}]},
            "warnings":["too many series"]})");
    ASSERT_TRUE(answer.ok) << answer.error.message.toStdString();
    EXPECT_EQ(answer.result.type, PromResult::Type::Matrix);
    EXPECT_EQ(answer.result.warnings, QStringList{QStringLiteral("too many series")});
    ASSERT_EQ(answer.result.series.size(), 2u);
    const PromSeries &clients = answer.result.series[0];
    ASSERT_EQ(clients.labels.size(), 3);
    EXPECT_EQ(clients.labels[0].first, QStringLiteral("__name__"));
    EXPECT_EQ(clients.labels[1].first, QStringLiteral("job"));
    EXPECT_EQ(clients.labels[2].first, QStringLiteral("transport"));
    EXPECT_EQ(clients.label(QStringLiteral("transport")), QStringLiteral("sse"));
    EXPECT_EQ(clients.label(QStringLiteral("instance")), QString());
    ASSERT_EQ(clients.samples.size(), 5u);
    EXPECT_EQ(clients.samples[1].timeMs, 1'700'000'015'000);
    EXPECT_EQ(clients.samples[1].value, 2.0);
    EXPECT_TRUE(qIsNaN(clients.samples[2].value));
    EXPECT_TRUE(qIsInf(clients.samples[3].value) && clients.samples[3].value > 0);
    EXPECT_TRUE(qIsInf(clients.samples[4].value) && clients.samples[4].value < 0);
    EXPECT_TRUE(answer.result.series[1].samples.empty());
}

TEST(PrometheusAnswer, ErrorsAreNamedByKind)
{
    const PromAnswer bad = readPrometheusAnswer(
        400,
        R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unclosed left parenthesis"})");
    EXPECT_FALSE(bad.ok);
    EXPECT_EQ(bad.error.kind, PromError::Kind::BadQuery);
    EXPECT_EQ(bad.error.message, QStringLiteral("1:5: parse error: unclosed left parenthesis"));

    const PromAnswer execution = readPrometheusAnswer(
        422,
        R"({"status":"error","errorType":"execution","error":"query processing would load too many samples"})");
    EXPECT_EQ(execution.error.kind, PromError::Kind::Execution);
    EXPECT_EQ(
        readPrometheusAnswer(503, R"({"status":"error","errorType":"timeout","error":"query timed out"})")
            .error.kind,
        PromError::Kind::Execution);

    const PromAnswer proxy = readPrometheusAnswer(502, "<html>Bad Gateway</html>");
    EXPECT_EQ(proxy.error.kind, PromError::Kind::ServerError);
    EXPECT_TRUE(proxy.error.message.contains(QLatin1String("502"))) << proxy.error.message.toStdString();

    EXPECT_EQ(readPrometheusAnswer(403, "forbidden").error.kind, PromError::Kind::Unauthorized);

    const PromAnswer notJson = readPrometheusAnswer(200, "<html>a login page</html>");
    EXPECT_EQ(notJson.error.kind, PromError::Kind::ServerError);
    EXPECT_TRUE(notJson.error.message.contains(QLatin1String("not Prometheus's JSON")));

    const PromAnswer badSample = readPrometheusAnswer(
        200, R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}})");
    EXPECT_FALSE(badSample.ok);
    EXPECT_TRUE(badSample.error.message.contains(QLatin1String("series 1")))
        << badSample.error.message.toStdString();

    const QByteArray longBody =
        QByteArray(R"({"status":"error","errorType":"bad_data","error":")") + QByteArray(5000, 'x') + R"("})";
    const PromAnswer longError = readPrometheusAnswer(400, longBody);
    EXPECT_LT(longError.error.message.size(), 700);
}

TEST(PrometheusAnswer, ScalarsAndVectorsAreOneSampleEach)
{
    const PromAnswer scalar = readPrometheusAnswer(
        200, R"({"status":"success","data":{"resultType":"scalar","result":[1700000000.25,"3.5"]}})");
    ASSERT_TRUE(scalar.ok);
    EXPECT_EQ(scalar.result.type, PromResult::Type::Scalar);
    ASSERT_EQ(scalar.result.series.size(), 1u);
    EXPECT_TRUE(scalar.result.series[0].labels.isEmpty());
    EXPECT_EQ(scalar.result.series[0].samples.at(0).timeMs, 1'700'000'000'250);
    EXPECT_EQ(scalar.result.series[0].samples.at(0).value, 3.5);

    const PromAnswer strings =
        readPrometheusAnswer(200, R"({"status":"success","data":{"resultType":"string","result":[1,"x"]}})");
    EXPECT_FALSE(strings.ok);
    EXPECT_TRUE(strings.error.message.contains(QLatin1String("\"string\"")));
}

TEST(PrometheusQuery, RangeAndInstantUrlsCarryEveryParameterEncoded)
{
    PromQuery range;
    range.kind = PromQuery::Kind::Range;
    range.expr = QStringLiteral("sum(rate(x{a=~\"b|c&d\"}[5m])) + 1");
    range.startMs = 1'700'000'000'000;
    range.endMs = 1'700'000'300'500;
    range.stepMs = 15'000;
    const QUrl url = range.url(QUrl(QStringLiteral("https://ops.example/prometheus/")));
    EXPECT_EQ(url.path(), QStringLiteral("/prometheus/api/v1/query_range"));
    const QUrlQuery query(url);
    EXPECT_EQ(query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded), range.expr);
    EXPECT_EQ(query.queryItemValue(QStringLiteral("start")), QStringLiteral("1700000000.000"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("end")), QStringLiteral("1700000300.500"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("step")), QStringLiteral("15.000"));
    EXPECT_TRUE(url.query(QUrl::FullyEncoded).contains(QLatin1String("%2B"))) << url.toString().toStdString();

    PromQuery instant;
    instant.expr = QStringLiteral("up");
    EXPECT_EQ(instant.url(QUrl(QStringLiteral("http://127.0.0.1:9090"))).toString(),
              QStringLiteral("http://127.0.0.1:9090/api/v1/query?query=up"));
    instant.timeMs = 1'700'000'000'001;
    EXPECT_EQ(QUrlQuery(instant.url(QUrl(QStringLiteral("http://127.0.0.1:9090"))))
                  .queryItemValue(QStringLiteral("time")),
              QStringLiteral("1700000000.001"));
}

TEST(PrometheusQuery, TheStepGivesAboutOnePointPerPixelRoundedUpToAReadableStep)
{
    constexpr qint64 minute = 60'000;
    constexpr qint64 hour = 60 * minute;
    EXPECT_EQ(rangeStepMs(5 * minute, 800), 1'000);          // 0.375 s a pixel: never under 1 s
    EXPECT_EQ(rangeStepMs(hour, 800), 5'000);                // 4.5 s
    EXPECT_EQ(rangeStepMs(24 * hour, 800), 2 * minute);      // 108 s
    EXPECT_EQ(rangeStepMs(7 * 24 * hour, 800), 15 * minute); // 756 s
    EXPECT_EQ(rangeStepMs(7 * 24 * hour, 0), 7 * 24 * hour); // no width: one point
    // Prometheus's limit of 11,000 points wins over a very wide panel.
    const qint64 step = rangeStepMs(30 * 24 * hour, 100'000);
    EXPECT_LE(30 * 24 * hour / step + 1, kPrometheusMaxPoints);
    for (int width : {1, 123, 800, 1920, 4000}) {
        for (qint64 range : {minute, 3 * hour, 24 * hour, 7 * 24 * hour}) {
            const qint64 chosen = rangeStepMs(range, width);
            EXPECT_GE(chosen * width, range) << range << " at " << width;
        }
    }
}

TEST(PrometheusSeriesName, TheLegendFillsInLabelsAndWithoutOneTheMetricNamesItself)
{
    PromSeries series;
    series.labels = {{QStringLiteral("__name__"), QStringLiteral("vantage_relay_clients")},
                     {QStringLiteral("instance"), QStringLiteral("127.0.0.1:8080")},
                     {QStringLiteral("transport"), QStringLiteral("sse")}};
    EXPECT_EQ(seriesName(series, QStringLiteral("{{transport}} on {{ instance }}")),
              QStringLiteral("sse on 127.0.0.1:8080"));
    EXPECT_EQ(seriesName(series, QStringLiteral("{{missing}}!")), QStringLiteral("!"));
    EXPECT_EQ(seriesName(series, QString()),
              QStringLiteral("vantage_relay_clients{instance=\"127.0.0.1:8080\", transport=\"sse\"}"));
    EXPECT_EQ(seriesName(PromSeries{{{QStringLiteral("job"), QStringLiteral("relay")}}, {}}, QString()),
              QStringLiteral("{job=\"relay\"}"));
    EXPECT_EQ(seriesName(PromSeries{}, QString()), QStringLiteral("{}"));
}
