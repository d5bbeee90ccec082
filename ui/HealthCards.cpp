#include "ui/HealthCards.h"

#include "models/MetricSeriesStore.h"
#include "widgets/HealthThresholds.h"
#include "widgets/MetricCard.h"

#include <QGridLayout>
#include <QTimer>

#include <algorithm>

namespace vantage {

namespace {

struct CardSpec
{
    const char *gauge;
    const char *title;
    const char *unit;
    int decimals;
    bool optional;
};

constexpr CardSpec cardSpecs[] = {
    {"requests_per_second", QT_TRANSLATE_NOOP("HealthCards", "Requests/s"), "/s", 0, false},
    {"avg_response_ms", QT_TRANSLATE_NOOP("HealthCards", "Avg response"), "ms", 0, false},
    {"p95_response_ms", QT_TRANSLATE_NOOP("HealthCards", "p95 response"), "ms", 0, false},
    {"error_rate", QT_TRANSLATE_NOOP("HealthCards", "Error rate"), "%", 2, false},
    {"queue_depth", QT_TRANSLATE_NOOP("HealthCards", "Queue depth"), "", 0, false},
    {"cpu_percent", QT_TRANSLATE_NOOP("HealthCards", "CPU"), "%", 0, true},
    {"memory_percent", QT_TRANSLATE_NOOP("HealthCards", "Memory"), "%", 0, true},
};

constexpr int kSpacing = 12;

} // namespace

HealthCards::HealthCards(int columns, qsizetype historySamples, const QString &objectNamePrefix, QWidget *parent)
    : QWidget(parent)
    , m_historySamples(historySamples)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(kSpacing);
    int index = 0;
    for (const CardSpec &spec : cardSpecs) {
        const QString gauge = QLatin1String(spec.gauge);
        auto *card = new MetricCard(tr(spec.title), QLatin1String(spec.unit), HealthThresholds::forMetric(gauge), this);
        card->setObjectName(objectNamePrefix + gauge);
        card->setDecimals(spec.decimals);
        card->setVisible(!spec.optional);
        layout->addWidget(card, index / columns, index % columns);
        m_cards.push_back({gauge, card, spec.optional});
        ++index;
    }
    for (int column = 0; column < columns; ++column)
        layout->setColumnStretch(column, 1);

    m_historyTimer = new QTimer(this);
    m_historyTimer->setSingleShot(true);
    m_historyTimer->setInterval(kHistoryIntervalMs);
    connect(m_historyTimer, &QTimer::timeout, this, [this] {
        if (m_historiesDue)
            refreshHistories();
    });
}

void HealthCards::refresh(const MetricSeriesStore *store)
{
    m_store = store;
    refreshValues();
    if (m_historyTimer->isActive()) {
        m_historiesDue = true;
        return;
    }
    refreshHistories();
}

void HealthCards::refreshAll(const MetricSeriesStore *store)
{
    m_store = store;
    refreshValues();
    refreshHistories();
}

void HealthCards::refreshValues()
{
    for (const Binding &binding : m_cards) {
        const MetricSeries *series = m_store->series(binding.gauge);
        if (binding.optional)
            binding.card->setVisible(series != nullptr && series->size() > 0);
        binding.card->setValue(series ? series->latest() : qQNaN());
    }
}

void HealthCards::refreshHistories()
{
    for (const Binding &binding : m_cards) {
        const MetricSeries *series = m_store->series(binding.gauge);
        if (!series) {
            binding.card->setHistory({});
            continue;
        }
        const qsizetype first = std::max<qsizetype>(0, series->size() - m_historySamples);
        std::vector<double> values;
        values.reserve(size_t(series->size() - first));
        for (qsizetype i = first; i < series->size(); ++i)
            values.push_back(series->at(i).value);
        binding.card->setHistory(std::move(values));
    }
    m_historiesDue = false;
    m_historyTimer->start();
}

void HealthCards::setStaleAge(qint64 ageMs)
{
    for (const Binding &binding : m_cards)
        binding.card->setStaleAge(ageMs);
}

void HealthCards::setTheme(const Theme &theme)
{
    for (const Binding &binding : m_cards)
        binding.card->setTheme(theme);
}

MetricCard *HealthCards::card(const QString &gauge) const
{
    const auto it = std::find_if(m_cards.cbegin(), m_cards.cend(), [&](const Binding &b) { return b.gauge == gauge; });
    return it == m_cards.cend() ? nullptr : it->card;
}

} // namespace vantage
