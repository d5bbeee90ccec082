#pragma once

#include "widgets/Theme.h"

#include <QFrame>

class QLabel;

namespace vantage {

struct AlertRow;

// What a wall shows instead of its pages while a critical alert is open and nobody has
// acknowledged or silenced it (docs/operations.md, "Kiosk"): the alert in large type, how long
// it has been open, whom it affects and how many more there are. Nothing on it can be clicked:
// an operator acknowledges at a workstation, and the wall returns to its pages.
class CriticalTakeover final : public QFrame
{
    Q_OBJECT
public:
    explicit CriticalTakeover(QWidget *parent = nullptr);

    // The oldest unhandled critical alert, and how many more there are; nowMs for its age.
    void setAlert(const AlertRow &alert, int moreCount, qint64 nowMs);
    // Also sizes the type: call it again when the window's type scale changes.
    void setTheme(const Theme &theme);

    QString alertId() const { return m_alertId; }
    QString messageText() const;
    QString detailText() const;

private:
    QLabel *m_title;
    QLabel *m_message;
    QLabel *m_detail;
    QLabel *m_more;
    QLabel *m_footer;
    QString m_alertId;
};

} // namespace vantage
