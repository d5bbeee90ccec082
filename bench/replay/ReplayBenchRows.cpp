#include "ReplayBenchRows.h"

#include "bench/common/BenchFormat.h"

namespace vantage {

QString benchRow(const QStringList &cells)
{
    static const int widths[] = {-32, 9, 9, 12, 12, 8, 12, 9};
    return tableRow(cells, widths);
}

QString benchRunRow(const QString &name, const BenchRun &run)
{
    return benchRow({name, fixed(run.workS, 3), fixed(run.wallS, 3), thousands(double(run.items)),
                     thousands(run.itemsPerS()), fixed(run.peakRssMb, 1),
                     run.checkpoints >= 0 ? thousands(double(run.checkpoints)) : QStringLiteral("-"),
                     run.alertMarkers >= 0 ? thousands(double(run.alertMarkers)) : QStringLiteral("-")});
}

} // namespace vantage
