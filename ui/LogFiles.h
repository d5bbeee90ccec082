#pragma once

#include <QString>

class QMimeData;
class QWidget;

namespace vantage {

// Asks for an event log to open (NDJSON, gzip or not); "" when the operator cancels.
QString chooseLogToOpen(QWidget *parent);
// Asks where to record the session (".gz" for gzip); "" when the operator cancels.
QString chooseRecordingPath(QWidget *parent);
// The local file dragged onto the window, when exactly one is; "" otherwise.
QString droppedLogFile(const QMimeData *mime);

} // namespace vantage
