#pragma once

#include "feed/Clock.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace vantage {

// Asks for the kiosk PIN (password echo, digits only) and accepts only a PIN that `verify`
// accepts. After maxWrongInARow wrong PINs it refuses tries for lockoutMs, counting down in
// its message. The count and the lockout live in the dialog: keep one dialog for the kiosk's
// life and exec() it again, so that closing and reopening it does not restart the count.
class PinDialog final : public QDialog
{
    Q_OBJECT
public:
    using VerifyFn = std::function<bool(const QString &pin)>;

    static constexpr int maxWrongInARow = 3;
    static constexpr qint64 lockoutMs = 30'000;

    PinDialog(VerifyFn verify, NowFn now, QWidget *parent = nullptr);

    bool lockedOut() const;
    // Counts the lockout down at the clock's time, and ends it once it is over. A timer calls
    // it while locked out; tests call it after moving their clock.
    void tick();

    // Verifies the PIN typed; closes the dialog only when it is right.
    void accept() override;
    void reject() override;

private:
    void showLockout();
    void updateOk();

    VerifyFn m_verify;
    NowFn m_now;
    QLineEdit *m_edit;
    QLabel *m_message;
    QPushButton *m_ok = nullptr;
    QTimer *m_timer;
    int m_wrongInARow = 0;
    qint64 m_lockedUntilMs = 0;
};

} // namespace vantage
