#pragma once

#include "models/DashboardModels.h"

#include <QObject>

namespace vantage {

class FeedSession;

// The live session's state while the window looks back at its journal (docs/journal.md): a copy
// of what the window showed when it turned away, which the live session keeps up to date
// underneath, handed back to the window's models on Follow live.
class LiveInBackground final : public QObject
{
    Q_OBJECT
public:
    // Copies what `shown` holds and points `live` at the copy.
    LiveInBackground(FeedSession *live, DashboardModels *shown, QObject *parent = nullptr);

    // Copies the live state back into the window's models and points the live session at them.
    void restore();

    // Feed events the live session added since the window turned away.
    quint64 newEvents() const;
    const ConnectionStatus &status() const { return m_models.connectionStatus(); }
    qint64 nowMs() const { return m_models.nowMs(); }
    // Rules edited while looking back apply to the live state underneath too.
    void setAlertRules(std::vector<AlertRule> rules) { m_models.setAlertRules(std::move(rules)); }

Q_SIGNALS:
    void changed(); // a live batch or status arrived underneath
    // What DashboardModels announces for notifications, from the live state underneath.
    void alertsRaised(const std::vector<vantage::AlertInfo> &alerts);
    void eventsAdded(const std::vector<vantage::FeedItem> &events);

private:
    FeedSession *m_live;
    DashboardModels *m_shown;
    DashboardModels m_models;
    quint64 m_baseline;
};

} // namespace vantage
