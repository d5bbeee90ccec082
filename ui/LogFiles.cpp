#include "ui/LogFiles.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMimeData>
#include <QUrl>

namespace vantage {

QString chooseLogToOpen(QWidget *parent)
{
    return QFileDialog::getOpenFileName(
        parent, QCoreApplication::translate("LogFiles", "Open log"), QString(),
        QCoreApplication::translate("LogFiles", "Event logs (*.ndjson *.ndjson.gz *.jsonl);;All files (*)"));
}

QString chooseRecordingPath(QWidget *parent)
{
    return QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("LogFiles", "Record to"), QString(),
        QCoreApplication::translate("LogFiles", "Recordings (*.ndjson *.ndjson.gz);;All files (*)"));
}

QString droppedLogFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.constFirst().isLocalFile())
        return {};
    return urls.constFirst().toLocalFile();
}

} // namespace vantage
