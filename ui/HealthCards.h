#pragma once

#include "widgets/Theme.h"

#include <QWidget>

#include <vector>

class QTimer;

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
    // The longest a card's sparkline lags its number while the data moves.
    static constexpr int kHistoryIntervalMs = 250;

    // objectNamePrefix names each card: "card." gives "card.avg_response_ms".
    HealthCards(int columns, qsizetype historySamples, const QString &objectNamePrefix, QWidget *parent = nullptr);

    // The values at once; the sparklines at most every kHistoryIntervalMs, the last change always
    // shown. A fast stream moves every gauge's history each frame, and drawing seven sparklines
    // again each frame was a fifth of the window's frame (docs/performance.md).
    void refresh(const MetricSeriesStore *store);
    // Values and sparklines at once: after a clear, a seek, or when the cards come into view.
    void refreshAll(const MetricSeriesStore *store);
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

    void refreshValues();
    void refreshHistories();

    qsizetype m_historySamples;
    std::vector<Binding> m_cards;
    const MetricSeriesStore *m_store = nullptr; // the last refresh's, for the sparklines due
    QTimer *m_historyTimer = nullptr;            // running while sparklines handed over are fresh
    bool m_historiesDue = false;
};

} // namespace vantage
