#include "plugins/charts/ChartCsv.h"

#include <gtest/gtest.h>

using namespace vantage;

TEST(ChartCsv, OneRowPerPointWithUtcTimesAndNamesMadeSafe)
{
    const std::vector<ChartLine> lines{
        {QStringLiteral("p95"), {QPointF(1'700'000'000'123.0, 380.5), QPointF(1'700'000'001'000.0, 1e-7)}},
        {QStringLiteral("a, \"b\""), {QPointF(1'700'000'000'000.0, -2)}},
        {QStringLiteral("=HYPERLINK(\"x\")"), {QPointF(1'700'000'000'000.0, 1)}},
        {QStringLiteral("empty"), {}},
    };
    EXPECT_EQ(chartCsv(lines),
              QByteArrayLiteral("time,series,value\r\n"
                                "2023-11-14T22:13:20.123Z,p95,380.5\r\n"
                                "2023-11-14T22:13:21.000Z,p95,1e-07\r\n"
                                "2023-11-14T22:13:20.000Z,\"a, \"\"b\"\"\",-2\r\n"
                                "2023-11-14T22:13:20.000Z,\"'=HYPERLINK(\"\"x\"\")\",1\r\n"));
}
