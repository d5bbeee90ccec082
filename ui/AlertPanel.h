#pragma once

#include "feed/Clock.h"
#include "widgets/Theme.h"

#include <QFrame>

#include <array>

class QLabel;
class QListView;
class QStackedWidget;

namespace vantage {

class AlertItemDelegate;
class AlertModel;
class Pill;

// The alert panel: "Alerts · 2 open", one pill per open severity, and the list (open first).
class AlertPanel final : public QFrame
{
    Q_OBJECT
public:
    explicit AlertPanel(AlertModel *alerts, QWidget *parent = nullptr, NowFn now = systemNowMs);

    void setTheme(const Theme &theme);
    // Updates the header and counts; called once per applied batch.
    void refresh();
    // Repaints the rows so their ages stay current; called by the window's one-second tick.
    void tick();

    QListView *view() const { return m_view; }
    QString headerText() const;
    // "1 critical · 2 warning" over the open alerts; empty when none is open.
    QString severityCountsText() const;

private:
    AlertModel *m_alerts;
    AlertItemDelegate *m_delegate;
    QLabel *m_header;
    std::array<Pill *, 4> m_severityPills{}; // indexed by vantage::Severity
    QStackedWidget *m_stack;
    QListView *m_view;
    QLabel *m_empty;
    Theme m_theme = Theme::dark();
};

} // namespace vantage
