#pragma once

#include <functional>

class QObject;
class QWidget;

namespace vantage {

// Calls `then` once from the event loop, just after `window` has painted its first frame, so
// that work the first frame does not need waits for it rather than holding it up. Not called if
// `context` is destroyed first. A window already exposed has painted: `then` comes next.
void afterFirstPaint(QWidget *window, QObject *context, std::function<void()> then);

} // namespace vantage
