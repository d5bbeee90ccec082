#include "ui/StatPanel.h"

#include "ui/PlainLabel.h"
#include "widgets/HealthThresholds.h"
#include "widgets/MetricCard.h"

#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace vantage {

namespace {

// About a health card's width on a 1280-pixel window: a value, a unit and a status chip.
constexpr int kWidth = 240;

// The panel's thresholds as a card's: one given alone stands for both levels it reaches.
std::optional<HealthThresholds> thresholdsOf(const DashboardPanel &spec)
{
    if (!spec.warning && !spec.critical)
        return std::nullopt;
    const double critical = spec.critical.value_or(std::numeric_limits<double>::infinity());
    return HealthThresholds{spec.warning.value_or(critical), critical,
                            HealthThresholds::Direction::HigherIsWorse};
}

} // namespace

StatPanel::StatPanel(const DashboardPanel &spec, QWidget *parent)
    : QWidget(parent)
    , m_spec(spec)
    , m_card(new MetricCard(spec.title, spec.unit, thresholdsOf(spec), this))
    , m_error(plainLabel(this, QStringLiteral("stat.error")))
{
    m_error->setWordWrap(true);
    m_error->hide();
    setMinimumWidth(kWidth);
    setMaximumWidth(kWidth);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_card);
    layout->addWidget(m_error);
}

void StatPanel::setValue(double value)
{
    m_card->setDecimals(std::isfinite(value) && std::abs(value) < 10 ? 2 : 0);
    m_card->setValue(value);
    m_error->hide();
}

void StatPanel::setError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

QString StatPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void StatPanel::setTheme(const Theme &theme)
{
    m_card->setTheme(theme);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(theme.critical.name()));
}

} // namespace vantage
