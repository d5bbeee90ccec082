#pragma once

#include "widgets/SparklineCache.h"
#include "widgets/Theme.h"

#include <QWidget>

#include <vector>

namespace vantage {

// A live counter: caption, big value, trend against the previous hour and a sparkline of
// the last hour per minute. Painted from plain values; the window feeds it from TodayCounters.
class CounterTile final : public QWidget
{
    Q_OBJECT
public:
    enum class Format { Count, Currency };

    explicit CounterTile(const QString &title, QWidget *parent = nullptr);

    void setFormat(Format format);
    void setCurrency(const QString &currencyCode);
    void setValue(double value);
    // Percent change against the previous hour; NaN when there is no base.
    void setTrendPercent(double percent);
    void setSubtitle(const QString &subtitle);
    void setHistory(std::vector<double> perMinute);
    // Counts per minute read best from a zero baseline; levels (active users) by their own range.
    void setSparklineFromZero(bool fromZero);
    // A stale tile (feed down for a while) is drawn muted so it cannot pass for live, and
    // says how old its numbers are in place of the trend. Negative = fresh.
    void setStaleAge(qint64 ageMs);
    bool isStale() const { return m_staleAgeMs >= 0; }
    // "as of 2 min ago" while stale, empty while fresh.
    QString staleText() const;
    void setTheme(const Theme &theme);

    QString title() const { return m_title; }
    QString valueText() const;
    QString trendText() const;
    QString subtitle() const { return m_subtitle; }
    double value() const { return m_value; }
    const std::vector<double> &history() const { return m_history; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor trendColor() const;

    QString m_title;
    QString m_subtitle;
    QString m_currency;
    Format m_format = Format::Count;
    double m_value;
    double m_trendPercent;
    qint64 m_staleAgeMs = -1;
    bool m_sparklineFromZero = true;
    std::vector<double> m_history;
    SparklineCache m_sparkline;
    Theme m_theme = Theme::dark();
};

} // namespace vantage
