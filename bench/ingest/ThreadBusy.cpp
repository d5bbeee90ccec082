#include "ThreadBusy.h"

#include <QDir>
#include <QFile>

namespace vantage {

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

std::vector<ThreadBusy> sampleThreadBusy(qint64 pid)
{
    std::vector<ThreadBusy> threads;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        // schedstat: nanoseconds on a CPU, nanoseconds waiting on a run queue, time slices.
        const QList<QByteArray> fields =
            readFile(tasks.filePath(tid + QStringLiteral("/schedstat"))).split(' ');
        if (fields.size() < 2)
            continue;
        const QString name =
            QString::fromUtf8(readFile(tasks.filePath(tid + QStringLiteral("/comm")))).trimmed();
        threads.push_back(
            {tid.toLongLong(), name, double(fields[0].toLongLong() + fields[1].toLongLong()) / 1e9});
    }
    return threads;
}

BusiestThread busiestThread(const std::vector<ThreadBusy> &before, const std::vector<ThreadBusy> &after,
                            double wallS)
{
    BusiestThread busiest;
    for (const ThreadBusy &thread : after) {
        double busyS = thread.busyS;
        for (const ThreadBusy &earlier : before) {
            if (earlier.tid == thread.tid)
                busyS -= earlier.busyS;
        }
        if (busyS / wallS > busiest.share)
            busiest = {thread.name, busyS / wallS};
    }
    return busiest;
}

} // namespace vantage
