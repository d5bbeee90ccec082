#include "ui/AlertPanel.h"

#include "models/AlertModel.h"
#include "widgets/AlertItemDelegate.h"
#include "widgets/Pill.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vantage {

namespace {
// Most severe first, as the operator reads them.
constexpr std::array<Severity, 4> severitiesBySeverity = {Severity::Critical, Severity::Error, Severity::Warning,
                                                          Severity::Info};
} // namespace

AlertPanel::AlertPanel(AlertModel *alerts, QWidget *parent, NowFn now)
    : QFrame(parent),
      m_alerts(alerts),
      m_delegate(new AlertItemDelegate(this, std::move(now))),
      m_header(new QLabel(this)),
      m_stack(new QStackedWidget(this)),
      m_view(new QListView(this)),
      m_empty(new QLabel(tr("No alerts. All systems quiet."), this))
{
    setObjectName(QStringLiteral("panel.alerts"));
    setProperty("panel", true);

    m_header->setObjectName(QStringLiteral("alerts.header"));
    m_header->setProperty("panelTitle", true);
    m_header->setTextFormat(Qt::PlainText);

    auto *header = new QHBoxLayout;
    header->setSpacing(6);
    header->addWidget(m_header);
    header->addStretch(1);
    for (Severity severity : severitiesBySeverity) {
        auto *pill = new Pill(QString(), this);
        pill->setObjectName(QStringLiteral("alerts.count.") + severityName(severity));
        pill->hide();
        m_severityPills[size_t(severity)] = pill;
        header->addWidget(pill);
    }

    m_view->setObjectName(QStringLiteral("alerts.view"));
    m_view->setModel(alerts);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformItemSizes(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setProperty("muted", true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 6);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    refresh();
}

void AlertPanel::setTheme(const Theme &theme)
{
    m_theme = theme;
    m_delegate->setTheme(theme);
    for (Severity severity : severitiesBySeverity)
        m_severityPills[size_t(severity)]->setColor(theme.severityColor(severity));
    m_view->viewport()->update();
}

QString AlertPanel::headerText() const
{
    return m_header->text();
}

QString AlertPanel::severityCountsText() const
{
    QStringList parts;
    for (Severity severity : severitiesBySeverity) {
        const int count = m_alerts->openCount(severity);
        if (count > 0)
            parts << tr("%1 %2").arg(count).arg(severityName(severity));
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

void AlertPanel::refresh()
{
    const int open = m_alerts->openCount();
    m_header->setText(tr("Alerts \u00b7 %n open", nullptr, open));
    for (Severity severity : severitiesBySeverity) {
        const int count = m_alerts->openCount(severity);
        Pill *pill = m_severityPills[size_t(severity)];
        pill->setText(tr("%1 %2").arg(count).arg(QString(severityName(severity)).toUpper()));
        pill->setVisible(count > 0);
    }
    m_stack->setCurrentWidget(m_alerts->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
}

void AlertPanel::tick()
{
    m_view->viewport()->update();
}

} // namespace vantage
