#pragma once

#include "widgets/HealthThresholds.h"
#include "widgets/SparklineCache.h"
#include "widgets/Theme.h"

#include <QWidget>

#include <optional>
#include <vector>

namespace vantage {

// A system-health gauge: caption, value with unit, a status band and label from its
// thresholds (OK / WARN / CRITICAL / NO DATA) and a sparkline of the recent window.
class MetricCard final : public QWidget
{
    Q_OBJECT
public:
    // unit is appended to the value ("ms", "%", "/s"); empty for plain counts.
    MetricCard(const QString &title, const QString &unit, std::optional<HealthThresholds> thresholds,
               QWidget *parent = nullptr);

    void setValue(double value);
    void setDecimals(int decimals);
    void setHistory(std::vector<double> recent);
    const std::vector<double> &history() const { return m_history; }
    // A stale card is drawn muted and says under its value how old the value is. Negative = fresh.
    void setStaleAge(qint64 ageMs);
    bool isStale() const { return m_staleAgeMs >= 0; }
    // "as of 2 min ago" while stale, empty while fresh.
    QString staleText() const;
    void setTheme(const Theme &theme);

    QString title() const { return m_title; }
    double value() const { return m_value; }
    QString valueText() const;
    HealthLevel level() const;
    QString levelText() const { return healthLevelLabel(level()); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor levelColor() const;

    QString m_title;
    QString m_unit;
    std::optional<HealthThresholds> m_thresholds;
    double m_value;
    int m_decimals = 0;
    qint64 m_staleAgeMs = -1;
    std::vector<double> m_history;
    SparklineCache m_sparkline;
    Theme m_theme = Theme::dark();
};

} // namespace vantage
