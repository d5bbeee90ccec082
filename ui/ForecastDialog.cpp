#include "ui/ForecastDialog.h"

#include "ui/PlainLabel.h"
#include "widgets/ForecastChart.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace vantage {

ForecastDialog::ForecastDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(plainLabel(this, u"forecast.summary"_s))
    , m_source(plainLabel(this, u"forecast.source"_s))
    , m_chart(new ForecastChart(this))
    , m_hours(new QWidget(this))
    , m_hoursGrid(new QGridLayout(m_hours))
    , m_history(plainLabel(this, u"forecast.history"_s))
    , m_refresh(new QPushButton(tr("Refresh"), this))
{
    setObjectName(u"forecast.dialog"_s);
    setWindowTitle(tr("Load forecast"));
    setModal(false);

    m_summary->setProperty("panelTitle", true);
    m_summary->setWordWrap(true);
    m_source->setProperty("muted", true);
    m_source->setWordWrap(true);
    m_history->setProperty("muted", true);
    m_chart->setObjectName(u"forecast.chart"_s);
    m_hours->setObjectName(u"forecast.hours"_s);
    m_hoursGrid->setContentsMargins(0, 0, 0, 0);
    m_hoursGrid->setHorizontalSpacing(16);
    m_refresh->setObjectName(u"forecast.refresh"_s);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_refresh, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &ForecastDialog::refreshRequested);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(m_summary);
    layout->addWidget(m_source);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_hours);
    layout->addWidget(m_history);
    layout->addWidget(buttons);

    m_source->hide();
    m_chart->hide();
    m_hours->hide();
    setTheme(m_theme);
}

void ForecastDialog::setTheme(const Theme &theme)
{
    m_theme = theme;
    setPalette(theme.palette());
    m_chart->setTheme(theme);
    applyStyleSheet();
}

void ForecastDialog::setLoading(const QString &source)
{
    m_summary->setText(tr("Reading the history\u2026"));
    m_source->setText(tr("History from %1").arg(source));
    m_source->setVisible(!source.isEmpty());
    clearForecast();
    m_refresh->setEnabled(false);
}

void ForecastDialog::setProgress(int permille)
{
    m_summary->setText(tr("Reading the history\u2026 %1 %").arg(permille / 10));
}

void ForecastDialog::setError(const QString &message)
{
    m_summary->setText(message);
    clearForecast();
    m_refresh->setEnabled(true);
}

void ForecastDialog::setForecast(const LoadForecast &forecast)
{
    m_summary->setText(forecast.summary());
    m_history->setText(forecast.historyText());
    m_chart->setForecast(forecast);
    // A chart of question marks says nothing the summary does not.
    m_chart->setVisible(!forecast.tooShort());
    showHours(forecast);
    m_refresh->setEnabled(true);
}

void ForecastDialog::showHours(const LoadForecast &forecast)
{
    clearHours();
    for (std::size_t i = 0; i < forecast.hours.size(); ++i) {
        const LoadForecast::Hour &hour = forecast.hours[i];
        const std::pair<QLatin1String, QString> cells[] = {
            {"time"_L1, forecast.hourLabel(hour)},
            {"expected"_L1, LoadForecast::expectedText(hour)},
            {"range"_L1, LoadForecast::rangeText(hour)},
            {"basis"_L1, forecast.basisText(hour)},
            {"peak"_L1, hour.peak ? tr("peak") : QString()},
        };
        int column = 0;
        for (const auto &[part, text] : cells) {
            QLabel *label = plainLabel(m_hours, u"forecast.hour.%1."_s.arg(i) + part);
            label->setText(text);
            label->setProperty("peak", hour.peak);
            label->setProperty("muted", hour.basis == LoadForecast::Basis::TooShort);
            m_hoursGrid->addWidget(label, int(i), column++);
        }
    }
    m_hoursGrid->setColumnStretch(3, 1);
    m_hours->show();
}

void ForecastDialog::clearForecast()
{
    m_chart->clear();
    m_chart->hide();
    clearHours();
    m_history->clear();
}

void ForecastDialog::clearHours()
{
    while (QLayoutItem *item = m_hoursGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_hours->hide();
}

void ForecastDialog::applyStyleSheet()
{
    const Theme &t = m_theme;
    // Its own, so it follows the theme on its own too; peak rows in the chart's peak colour.
    setStyleSheet(QStringLiteral("QDialog { background: %1; }"
                                 "QLabel { color: %2; }"
                                 "QLabel[muted=\"true\"] { color: %3; }"
                                 "QLabel[panelTitle=\"true\"] { font-size: 14px; font-weight: 700; }"
                                 "QLabel[peak=\"true\"] { color: %4; font-weight: 700; }")
                      .arg(t.window.name(), t.text.name(), t.textMuted.name(), t.warning.name()));
}

} // namespace vantage
