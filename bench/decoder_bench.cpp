#include "feed/Decoder.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <benchmark/benchmark.h>

// The decoder against its peer, QJsonDocument, on the same frames: the bundled demo log
// (or VANTAGE_BENCH_LOG). Reported as bytes/s and frames/s; compare the two in one run.

namespace {

const QList<QByteArray> &frames()
{
    static const QList<QByteArray> lines = [] {
        QString path = qEnvironmentVariable("VANTAGE_BENCH_LOG");
        if (path.isEmpty())
            path = QStringLiteral(VANTAGE_DEMO_LOG_PATH);
        QFile file(path);
        QList<QByteArray> result;
        if (!file.open(QIODevice::ReadOnly))
            return result;
        while (!file.atEnd()) {
            QByteArray line = file.readLine().trimmed();
            if (!line.isEmpty())
                result << line;
        }
        return result;
    }();
    return lines;
}

void report(benchmark::State &state, qint64 bytes, qint64 count)
{
    state.SetBytesProcessed(bytes);
    state.SetItemsProcessed(count);
}

void BM_SimdjsonDecoder(benchmark::State &state)
{
    const auto &input = frames();
    if (input.isEmpty()) {
        state.SkipWithError("no frames: build the demo log or set VANTAGE_BENCH_LOG");
        return;
    }
    vantage::Decoder decoder;
    vantage::Message message;
    qint64 bytes = 0;
    qint64 count = 0;
    for (auto _ : state) {
        for (const QByteArray &frame : input) {
            benchmark::DoNotOptimize(decoder.decode(frame, 0, 0, message));
            bytes += frame.size();
        }
        count += input.size();
    }
    report(state, bytes, count);
}
BENCHMARK(BM_SimdjsonDecoder)->Unit(benchmark::kMillisecond);

void BM_QJsonDocumentParseOnly(benchmark::State &state)
{
    const auto &input = frames();
    if (input.isEmpty()) {
        state.SkipWithError("no frames: build the demo log or set VANTAGE_BENCH_LOG");
        return;
    }
    qint64 bytes = 0;
    qint64 count = 0;
    for (auto _ : state) {
        for (const QByteArray &frame : input) {
            const QJsonObject object = QJsonDocument::fromJson(frame).object();
            benchmark::DoNotOptimize(object.value(QLatin1String("type")));
            bytes += frame.size();
        }
        count += input.size();
    }
    report(state, bytes, count);
}
BENCHMARK(BM_QJsonDocumentParseOnly)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
