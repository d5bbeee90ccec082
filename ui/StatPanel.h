#pragma once

#include "models/DashboardFile.h"
#include "widgets/Theme.h"

#include <QWidget>

class QLabel;

namespace vantage {

class MetricCard;

// A stat card of the metrics page: one value at the range's end (Prometheus's /api/v1/query, or
// the stream's newest sample), coloured by the panel's thresholds, and its source's error, as
// plain text, under it when the source fails.
class StatPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit StatPanel(const DashboardPanel &spec, QWidget *parent = nullptr);

    const DashboardPanel &spec() const { return m_spec; }
    // Shows the value; the error goes.
    void setValue(double value);
    // Shows why the source gave nothing; the value shown before stays.
    void setError(const QString &message);
    QString errorText() const;
    MetricCard *card() const { return m_card; }
    void setTheme(const Theme &theme);

private:
    DashboardPanel m_spec;
    MetricCard *m_card;
    QLabel *m_error;
};

} // namespace vantage
