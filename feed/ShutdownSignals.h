#pragma once

#include <QObject>

class QSocketNotifier;

namespace vantage {

// Turns SIGINT and SIGTERM into a Qt signal. A Unix signal handler may do next to nothing, so
// it only writes a byte to a socket pair; the event loop reads it and emits received().
// One instance per process.
class ShutdownSignals final : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

    // False when the handlers could not be installed (the process then dies on the signals as usual).
    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace vantage
