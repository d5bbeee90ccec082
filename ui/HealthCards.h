#pragma once

#include "widgets/Theme.h"

#include <QWidget>

#include <vector>

namespace vantage {

class MetricCard;
class MetricSeriesStore;

// The system-health cards (requests/s, response times, error rate, queue depth, and CPU and
// memory once those gauges arrive), in rows of `columns`, each with a sparkline of its newest
// `historySamples` samples: one row of short trends on the overview, a grid of longer ones on
// the metrics page.
class HealthCards final : public QWidget
{
    Q_OBJECT
public:
    // objectNamePrefix names each card: "card." gives "card.avg_response_ms".
    HealthCards(int columns, qsizetype historySamples, const QString &objectNamePrefix, QWidget *parent = nullptr);

    void refresh(const MetricSeriesStore *store);
    // Negative = fresh; otherwise every card says how old its value is.
    void setStaleAge(qint64 ageMs);
    void setTheme(const Theme &theme);
    MetricCard *card(const QString &gauge) const;

private:
    struct Binding
    {
        QString gauge;
        MetricCard *card = nullptr;
        bool optional = false; // shown only once the gauge has arrived
    };

    qsizetype m_historySamples;
    std::vector<Binding> m_cards;
};

} // namespace vantage
