#include "ui/PinDialog.h"

#include "ui/PlainLabel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>

namespace vantage {

namespace {
constexpr int kTickMs = 250;
} // namespace

PinDialog::PinDialog(VerifyFn verify, NowFn now, QWidget *parent)
    : QDialog(parent)
    , m_verify(std::move(verify))
    , m_now(std::move(now))
    , m_edit(new QLineEdit(this))
    , m_message(plainLabel(this, QStringLiteral("pin.message")))
    , m_timer(new QTimer(this))
{
    setWindowTitle(tr("Kiosk PIN"));
    auto *prompt = plainLabel(this, QStringLiteral("pin.prompt"));
    prompt->setText(tr("Enter the kiosk PIN"));
    m_edit->setObjectName(QStringLiteral("pin.edit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]*")), m_edit));
    m_message->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("pin.ok"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PinDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PinDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, &PinDialog::updateOk);
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &PinDialog::tick);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(prompt);
    layout->addWidget(m_edit);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    updateOk();
    m_edit->setFocus();
}

bool PinDialog::lockedOut() const
{
    return m_now() < m_lockedUntilMs;
}

void PinDialog::tick()
{
    if (lockedOut()) {
        showLockout();
        return;
    }
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    m_message->clear();
    m_edit->setEnabled(true);
    m_edit->setFocus();
    updateOk();
}

void PinDialog::accept()
{
    tick();
    const QString pin = m_edit->text();
    if (lockedOut() || pin.isEmpty())
        return;
    m_edit->clear();
    if (m_verify(pin)) {
        m_wrongInARow = 0;
        m_message->clear();
        QDialog::accept();
        return;
    }
    if (++m_wrongInARow < maxWrongInARow) {
        m_message->setText(tr("Wrong PIN."));
        return;
    }
    m_wrongInARow = 0;
    m_lockedUntilMs = m_now() + lockoutMs;
    m_edit->setEnabled(false);
    m_timer->start();
    showLockout();
}

void PinDialog::reject()
{
    m_edit->clear();
    QDialog::reject();
}

void PinDialog::showLockout()
{
    // Rounded up, so that the count never shows 0 s while tries are still refused.
    const qint64 seconds = (m_lockedUntilMs - m_now() + 999) / 1000;
    m_message->setText(tr("Too many wrong PINs: try again in %1 s").arg(seconds));
    updateOk();
}

void PinDialog::updateOk()
{
    m_ok->setEnabled(!m_edit->text().isEmpty() && !lockedOut());
}

} // namespace vantage
