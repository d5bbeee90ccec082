#include "widgets/AfterFirstPaint.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <utility>

namespace vantage {

namespace {

// Lives as the context's child until the window's first paint, then hands over and goes.
class FirstPaintWatcher final : public QObject
{
public:
    FirstPaintWatcher(QWidget *window, QObject *context, std::function<void()> then)
        : QObject(context)
        , m_window(window)
        , m_then(std::move(then))
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Paint) {
            m_window->removeEventFilter(this);
            // Queued, so that it runs once this paint is finished and flushed.
            QTimer::singleShot(0, parent(), std::move(m_then));
            deleteLater();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_window;
    std::function<void()> m_then;
};

} // namespace

void afterFirstPaint(QWidget *window, QObject *context, std::function<void()> then)
{
    // A top-level widget paints as its window is first exposed, so an exposed window has painted;
    // a window shown but not yet exposed (show() returns first) has that paint still to come.
    const QWindow *handle = window->windowHandle();
    if (handle && handle->isExposed())
        QTimer::singleShot(0, context, std::move(then));
    else
        new FirstPaintWatcher(window, context, std::move(then));
}

} // namespace vantage
