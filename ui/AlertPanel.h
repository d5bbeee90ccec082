#pragma once

#include "feed/Clock.h"
#include "widgets/Theme.h"

#include <QFrame>

#include <array>

class QLabel;
class QListView;
class QMenu;
class QStackedWidget;
class QToolButton;

namespace vantage {

class AlertItemDelegate;
class AlertModel;
class Pill;

// The alert panel: "Alerts · 2 open · 340 users affected", one pill per open severity and one
// for the resolved history, the list (open first, by severity then age; then resolved), and
// Acknowledge / Silence for the selected open alert (a row of buttons shown while one is
// selected, the context menu, Enter or double-click).
class AlertPanel final : public QFrame
{
    Q_OBJECT
public:
    // `name` prefixes the children's object names ("alerts.view", "alerts.header", ...) and names
    // the panel ("panel.alerts"), so that two panels on one window stay apart.
    explicit AlertPanel(AlertModel *alerts, QWidget *parent = nullptr, NowFn now = systemNowMs,
                        const QString &name = QStringLiteral("alerts"));

    // Silence lengths offered, in ms.
    static constexpr std::array<qint64, 3> silenceChoicesMs = {15 * 60'000, 60 * 60'000, 4 * 60 * 60'000};

    void setTheme(const Theme &theme);
    // A wall's panel only shows: no Acknowledge or Silence (buttons, menu, Enter), since a kiosk
    // changes nothing; operators act at a workstation.
    void setReadOnly(bool readOnly);
    // Updates the header and counts; called once per applied batch.
    void refresh();
    // Repaints the rows so their ages stay current; called by the window's one-second tick.
    void tick();

    QListView *view() const { return m_view; }
    QString headerText() const;
    // "1 critical · 2 warning" over the open alerts; empty when none is open.
    QString severityCountsText() const;
    // The id of the selected alert when it is open; empty otherwise.
    QString selectedOpenId() const;

Q_SIGNALS:
    void acknowledgeRequested(const QString &alertId);
    // forMs 0 lifts the silence.
    void silenceRequested(const QString &alertId, qint64 forMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    // Sizes the margins, the spacing and the list's minimum height for the panel's font.
    void fitToFont();
    void updateActions();
    void showContextMenu(const QPoint &pos);
    // Fills `menu` with the silence lengths and "Lift silence" for the selected alert.
    void fillSilenceMenu(QMenu *menu);

    AlertModel *m_alerts;
    AlertItemDelegate *m_delegate;
    QLabel *m_header;
    std::array<Pill *, 4> m_severityPills{}; // indexed by vantage::Severity
    Pill *m_resolvedPill;
    QToolButton *m_ackButton;
    QToolButton *m_silenceButton;
    QWidget *m_actions; // the two buttons' row
    QStackedWidget *m_stack;
    QListView *m_view;
    QLabel *m_empty;
    Theme m_theme = Theme::dark();
    bool m_readOnly = false;
};

} // namespace vantage
