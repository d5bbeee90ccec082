#include "ui/CriticalTakeover.h"

#include "models/AlertRow.h"
#include "ui/PlainLabel.h"
#include "widgets/TypeScale.h"
#include "widgets/ValueFormat.h"

#include <QLabel>
#include <QVBoxLayout>

namespace vantage {

CriticalTakeover::CriticalTakeover(QWidget *parent)
    : QFrame(parent)
    , m_title(plainLabel(this, QStringLiteral("takeover.title")))
    , m_message(plainLabel(this, QStringLiteral("takeover.message")))
    , m_detail(plainLabel(this, QStringLiteral("takeover.detail")))
    , m_more(plainLabel(this, QStringLiteral("takeover.more")))
    , m_footer(plainLabel(this, QStringLiteral("takeover.footer")))
{
    setObjectName(QStringLiteral("takeover"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 40, 48, 40);
    layout->setSpacing(18);
    layout->addStretch(1);
    for (QLabel *label : {m_title, m_message, m_detail, m_more, m_footer}) {
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignHCenter);
        layout->addWidget(label);
    }
    layout->addStretch(1);
    m_footer->setText(tr("Acknowledge it at a workstation: this screen returns to its pages once the alert is "
                         "acknowledged or resolved."));
}

void CriticalTakeover::setAlert(const AlertRow &alert, int moreCount, qint64 nowMs)
{
    m_alertId = alert.info.id;
    m_title->setText(alert.info.local ? tr("CRITICAL ALERT \u00b7 LOCAL RULE") : tr("CRITICAL ALERT"));
    // Alert messages come from the server: plain text, wrapped, never interpreted.
    m_message->setText(alert.info.message.isEmpty() ? alert.info.id : alert.info.message);
    QStringList detail{tr("open for %1").arg(ValueFormat::duration(qMax<qint64>(0, nowMs - alert.raisedAtMs)))};
    if (alert.info.affectedUsers > 0)
        detail << tr("%1 users affected").arg(ValueFormat::count(double(alert.info.affectedUsers)));
    detail << alert.info.id;
    m_detail->setText(detail.join(QStringLiteral(" \u00b7 ")));
    m_more->setText(moreCount == 1 ? tr("+1 more critical alert") : tr("+%1 more critical alerts").arg(moreCount));
    m_more->setVisible(moreCount > 0);
}

void CriticalTakeover::setTheme(const Theme &theme)
{
    // A deep red field, so that the alert reads as one from across the room, with light type.
    const QColor field = theme.critical.darker(theme.mode == Theme::Mode::Dark ? 260 : 170);
    setStyleSheet(QStringLiteral("QFrame#takeover { background: %1; border: 3px solid %2; border-radius: 10px; }")
                      .arg(field.name(), theme.critical.name()));
    // Sized for the wall's type scale (MainWindow::setTypeScale calls this again).
    const auto style = [this](int designPx, int weight, const QColor &color) {
        return QStringLiteral("color: %1; font-size: %2px; font-weight: %3;")
            .arg(color.name())
            .arg(TypeScale::px(font(), designPx))
            .arg(weight);
    };
    const QColor light(0xf5, 0xf5, 0xf5);
    m_title->setStyleSheet(style(28, 800, theme.critical.lighter(150)));
    m_message->setStyleSheet(style(44, 700, light));
    m_detail->setStyleSheet(style(24, 500, light));
    m_more->setStyleSheet(style(22, 700, theme.critical.lighter(150)));
    m_footer->setStyleSheet(style(18, 400, light.darker(125)));
}

QString CriticalTakeover::messageText() const
{
    return m_message->text();
}

QString CriticalTakeover::detailText() const
{
    return m_detail->text();
}

} // namespace vantage
