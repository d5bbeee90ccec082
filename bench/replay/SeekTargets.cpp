#include "SeekTargets.h"

#include <cmath>
#include <random>
#include <utility>

namespace vantage {

namespace {

// std::mt19937's output is fixed by the standard; its distributions are not, so none is used.
constexpr std::mt19937::result_type kSeed = 20261123;
constexpr double kEdge = 0.001; // the first and last targets, as a share of the span from its ends

} // namespace

std::vector<qint64> seekTargets(qint64 firstMs, qint64 lastMs, int count)
{
    std::mt19937 random(kSeed);
    const double span = double(lastMs - firstMs);
    std::vector<qint64> targets;
    for (int i = 0; i < count; ++i) {
        const double within = double(random()) / 4294967296.0; // [0, 1)
        double share = (i + within) / count;
        if (i == 0)
            share = kEdge;
        else if (i == count - 1)
            share = 1.0 - kEdge;
        targets.push_back(firstMs + std::llround(span * share));
    }
    // Fisher-Yates.
    for (int i = count - 1; i > 0; --i)
        std::swap(targets[size_t(i)], targets[size_t(random() % std::mt19937::result_type(i + 1))]);
    return targets;
}

} // namespace vantage
