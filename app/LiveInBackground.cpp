#include "app/LiveInBackground.h"

#include "app/FeedSession.h"

namespace vantage {

LiveInBackground::LiveInBackground(FeedSession *live, DashboardModels *shown, QObject *parent)
    : QObject(parent)
    , m_live(live)
    , m_shown(shown)
    , m_models(nullptr, shown->clock(), shown->feed()->capacity())
{
    m_models.copyFrom(*shown);
    m_baseline = m_models.feed()->totalAppended();
    m_live->setModels(&m_models);
    connect(&m_models, &DashboardModels::batchApplied, this, &LiveInBackground::changed);
    connect(&m_models, &DashboardModels::connectionStatusChanged, this, &LiveInBackground::changed);
    connect(&m_models, &DashboardModels::alertsRaised, this, &LiveInBackground::alertsRaised);
    connect(&m_models, &DashboardModels::eventsAdded, this, &LiveInBackground::eventsAdded);
}

void LiveInBackground::restore()
{
    m_shown->copyFrom(m_models);
    m_live->setModels(m_shown);
}

quint64 LiveInBackground::newEvents() const
{
    return m_models.feed()->totalAppended() - m_baseline;
}

} // namespace vantage
