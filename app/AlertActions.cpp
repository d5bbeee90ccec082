#include "app/AlertActions.h"

#include "app/FeedSession.h"
#include "models/DashboardModels.h"
#include "models/PlainText.h"
#include "ui/AcknowledgeDialog.h"
#include "ui/AlertPanel.h"
#include "ui/MainWindow.h"
#include "widgets/ValueFormat.h"

#include <QSettings>
#include <QStatusBar>

namespace vantage {

namespace {
const QString kOperatorKey = QStringLiteral("alerts/operatorName");
constexpr int kStatusMs = 10'000;
} // namespace

AlertActions::AlertActions(DashboardModels *models, MainWindow *window, QSettings *settings, SessionFn session,
                           QObject *parent)
    : QObject(parent), m_models(models), m_window(window), m_settings(settings), m_session(std::move(session))
{
    for (AlertPanel *panel : {window->alertPanel(), window->alertsPage()}) {
        connect(panel, &AlertPanel::acknowledgeRequested, this, &AlertActions::requestAcknowledge);
        connect(panel, &AlertPanel::silenceRequested, this, &AlertActions::silence);
    }
}

QString AlertActions::operatorName() const
{
    for (const QString &name : {m_settings->value(kOperatorKey).toString(), qEnvironmentVariable("USER"),
                                qEnvironmentVariable("USERNAME")}) {
        if (!name.trimmed().isEmpty())
            return name.trimmed();
    }
    return tr("operator");
}

void AlertActions::requestAcknowledge(const QString &alertId)
{
    const AlertRow *row = m_models->alerts()->find(alertId);
    if (!row || row->resolvedAtMs > 0)
        return;
    auto *dialog = new AcknowledgeDialog(row->info.message, operatorName(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, alertId] {
        m_settings->setValue(kOperatorKey, dialog->operatorName());
        acknowledge(alertId, dialog->operatorName(), dialog->comment());
    });
    dialog->open();
}

bool AlertActions::acknowledge(const QString &alertId, const QString &by, const QString &comment)
{
    AlertModel *alerts = m_models->alerts();
    if (!alerts->acknowledge(alertId, AlertAck{by, comment, m_models->shownNowMs(), false})) {
        report(tr("That alert is no longer open: nothing to acknowledge"));
        return false;
    }
    m_window->refreshAlerts();
    if (alerts->find(alertId)->info.local) {
        report(tr("Acknowledged in this window: a local rule's alert is unknown to the server"));
        return true;
    }
    FeedSession *session = m_session ? m_session() : nullptr;
    if (!session) {
        report(tr("Acknowledged in this window (no stream to share it with)"));
        return true;
    }
    if (session != m_connected) {
        if (m_connected)
            disconnect(m_connected, &FeedSession::ackSent, this, &AlertActions::onAckSent);
        m_connected = session;
        connect(session, &FeedSession::ackSent, this, &AlertActions::onAckSent);
        connect(session, &QObject::destroyed, this, [this, session] {
            if (m_connected == session)
                m_connected = nullptr;
        });
    }
    session->sendAck(AlertAckInfo{alertId, by, comment});
    return true;
}

void AlertActions::onAckSent(const QString &alertId, bool sent)
{
    const AlertRow *row = m_models->alerts()->find(alertId);
    const QString what = row ? singleLine(row->info.message) : alertId;
    report(sent ? tr("Acknowledged \u201c%1\u201d: sent to the server for every operator").arg(what)
                : tr("Acknowledged \u201c%1\u201d in this window only: this stream does not take "
                     "acknowledgements").arg(what));
}

bool AlertActions::silence(const QString &alertId, qint64 forMs)
{
    const qint64 until = forMs > 0 ? m_models->shownNowMs() + forMs : 0;
    if (!m_models->alerts()->silence(alertId, until))
        return false;
    m_window->refreshAlerts();
    report(forMs > 0 ? tr("Alert silenced for %1").arg(ValueFormat::duration(forMs)) : tr("Silence lifted"));
    return true;
}

void AlertActions::report(const QString &text)
{
    m_lastOutcome = text;
    m_window->statusBar()->showMessage(text, kStatusMs);
    Q_EMIT outcome(text);
}

} // namespace vantage
