#include "feed/Decoder.h"
#include "feed/FeedBatch.h"
#include "feed/ReplayLineReader.h"
#include "models/DashboardModels.h"

#include <QCoreApplication>
#include <QFile>

#include <benchmark/benchmark.h>

#include <memory>
#include <utility>
#include <vector>

// What the client-side alert rules cost the GUI thread: the bundled demo log (or
// VANTAGE_BENCH_LOG), decoded once and cut into batches, applied to a fresh DashboardModels
// with the default rules and with none. Reported as messages/s; compare the two in one run.

namespace {

// The feed thread flushes per frame interval, so real batches follow the rate; 64 is a middle.
constexpr qsizetype kBatchMessages = 64;
constexpr qsizetype kFeedCapacity = 50'000;

std::vector<vantage::FeedBatch> decodeBatches()
{
    QString path = qEnvironmentVariable("VANTAGE_BENCH_LOG");
    if (path.isEmpty())
        path = QStringLiteral(VANTAGE_DEMO_LOG_PATH);
    QFile file(path);
    std::vector<vantage::FeedBatch> batches;
    if (!file.open(QIODevice::ReadOnly))
        return batches;
    vantage::ReplayLineReader reader(&file);
    vantage::Decoder decoder;
    vantage::FeedBatch batch;
    QByteArrayView line;
    while (reader.next(line) == vantage::ReplayLineReader::Result::Line) {
        vantage::Message message;
        if (decoder.decode(line, 0, 0, message) != vantage::DecodeError::None)
            continue; // blank lines too
        batch.lastFrameMs = message.tsMs;
        batch.messages.push_back(std::move(message));
        if (qsizetype(batch.messages.size()) == kBatchMessages)
            batches.push_back(std::exchange(batch, {}));
    }
    if (!batch.messages.empty())
        batches.push_back(std::move(batch));
    return batches;
}

const std::vector<vantage::FeedBatch> &batches()
{
    static const std::vector<vantage::FeedBatch> decoded = decodeBatches();
    return decoded;
}

std::unique_ptr<vantage::DashboardModels> freshModels(bool withRules)
{
    // A fixed clock: the rate samples are the only reader, and wall time has no place here.
    auto models = std::make_unique<vantage::DashboardModels>(nullptr, [] { return qint64(0); }, kFeedCapacity);
    if (!withRules)
        models->setAlertRules({});
    return models;
}

quint64 ruleFirings(const vantage::DashboardModels &models)
{
    quint64 fired = 0;
    for (const vantage::AlertRule &rule : models.alertRules())
        fired += models.ruleEvaluator().stats(rule.id).fired;
    return fired;
}

// Building and destroying the models stays outside the timing: only applyBatch is measured.
void applyBatches(benchmark::State &state, bool withRules)
{
    const auto &input = batches();
    if (input.empty()) {
        state.SkipWithError("no messages: build the demo log or set VANTAGE_BENCH_LOG");
        return;
    }
    qint64 perPass = 0;
    for (const vantage::FeedBatch &batch : input)
        perPass += qint64(batch.messages.size());
    quint64 fired = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto models = freshModels(withRules);
        state.ResumeTiming();
        for (const vantage::FeedBatch &batch : input)
            models->applyBatch(batch);
        state.PauseTiming();
        fired = ruleFirings(*models);
        models.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * perPass);
    state.counters["rule_firings"] = double(fired);
}

void BM_ApplyBatches_DefaultRules(benchmark::State &state)
{
    applyBatches(state, true);
}
BENCHMARK(BM_ApplyBatches_DefaultRules)->Unit(benchmark::kMillisecond);

void BM_ApplyBatches_NoRules(benchmark::State &state)
{
    applyBatches(state, false);
}
BENCHMARK(BM_ApplyBatches_NoRules)->Unit(benchmark::kMillisecond);

} // namespace

// DashboardModels and its models are QObjects; they get an application, as in the app.
int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    QCoreApplication app(argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
