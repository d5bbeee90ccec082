#include "SoakReport.h"

#include "bench/common/BenchFormat.h"

namespace vantage {

void printSoak(QTextStream &out, const SoakRun &run)
{
    out << "ingest_e2e: memory of vantage --headless: ";
    if (!run.usable()) {
        out << "not measured: " << run.problem << Qt::endl;
        return;
    }
    out << "RSS " << fixed(run.rssTenthMb, 1) << " MB after " << thousands(double(run.events / 10))
        << " events, " << fixed(run.rssMb, 1) << " MB after " << thousands(double(run.events)) << "; ratio "
        << fixed(run.rssMb / run.rssTenthMb, 3) << " (" << thousands(run.eventsPerS) << " events/s over "
        << fixed(run.wallS, 0) << " s)" << Qt::endl;
}

} // namespace vantage
