#pragma once

namespace vantage {

// This process's peak resident set so far (getrusage ru_maxrss, as VmHWM), in MB of 2^20 bytes.
double peakRssMb();

} // namespace vantage
