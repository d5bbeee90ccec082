#pragma once

#include <QObject>

#include <utility>

namespace vantage {

// Counts, application-wide, the paint events widgets receive and the events delivered at all, so
// that a frame is driven until nothing it set off is left (deliverPending) and shown to have painted.
class FrameEvents final : public QObject
{
public:
    FrameEvents();
    ~FrameEvents() override;

    // Turns the event loop (posted events, due timers) until a turn delivers nothing, so that
    // what a frame sets off is done within it. An item view lays itself out on a zero timer and
    // then posts another layout and update, which a single turn would leave to whoever turns the
    // loop next. Gives up after a few dozen turns, should something keep posting.
    void deliverPending();
    // The paint events since the last call.
    int takePaints() { return std::exchange(m_paints, 0); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int m_paints = 0;
    quint64 m_delivered = 0;
};

} // namespace vantage
