#pragma once

#include "models/LoadForecast.h"
#include "widgets/Theme.h"

#include <QDialog>

class QGridLayout;
class QLabel;
class QPushButton;
class QWidget;

namespace vantage {

class ForecastChart;

// View ▸ Load forecast: the expected load of the next hours (docs/forecast.md). Non-modal; shows
// the history being read, why it could not be, or the forecast: its one-line summary, a chart of
// the hours, one row per hour with its expectation, range and basis, and the history it drew on.
// Every text is plain; the important children have object names ("forecast.summary", ...).
class ForecastDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ForecastDialog(QWidget *parent = nullptr);

    void setTheme(const Theme &theme);
    // The history in `source` (a log file or a journal folder) is being read.
    void setLoading(const QString &source);
    // Of that, permille read.
    void setProgress(int permille);
    // It could not be read: `message` says why.
    void setError(const QString &message);
    void setForecast(const LoadForecast &forecast);

    ForecastChart *chart() const { return m_chart; }

Q_SIGNALS:
    // The operator asks for the forecast again, from the history as it is now.
    void refreshRequested();

private:
    void showHours(const LoadForecast &forecast);
    void clearForecast();
    void clearHours();
    void applyStyleSheet();

    QLabel *m_summary;
    QLabel *m_source;
    ForecastChart *m_chart;
    QWidget *m_hours;
    QGridLayout *m_hoursGrid;
    QLabel *m_history;
    QPushButton *m_refresh;
    Theme m_theme = Theme::dark();
};

} // namespace vantage
