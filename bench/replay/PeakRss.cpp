#include "PeakRss.h"

#include <sys/resource.h>

namespace vantage {

double peakRssMb()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
    return double(usage.ru_maxrss) / 1024.0;
}

} // namespace vantage
