#include "widgets/WorkerPool.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace vantage {

QThreadPool *workerPool()
{
    static QThreadPool *const pool = [] {
        Q_ASSERT(QCoreApplication::instance());
        auto *created = new QThreadPool(QCoreApplication::instance());
        created->setObjectName(QStringLiteral("vantage-workers"));
        return created;
    }();
    return pool;
}

} // namespace vantage
