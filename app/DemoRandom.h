#pragma once

#include <QtGlobal>

#include <cmath>
#include <span>

namespace vantage {

// splitmix64 with our own mapping to ranges: std::*_distribution output differs between
// standard libraries, and the demo log must be byte-identical everywhere for a given seed.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
        : m_state(seed)
    {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, 1) from the top 53 bits.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    double between(double lo, double hi) { return lo + (hi - lo) * unit(); }

    // Uniform integer in [lo, hi], both inclusive.
    qint64 intBetween(qint64 lo, qint64 hi)
    {
        const auto span = static_cast<quint64>(hi - lo) + 1;
        return lo + static_cast<qint64>(next() % span);
    }

    bool chance(double probability) { return unit() < probability; }

    // Symmetric noise in [-amplitude, amplitude].
    double noise(double amplitude) { return between(-amplitude, amplitude); }

    template <typename T> const T &pick(std::span<const T> items)
    {
        return items[static_cast<std::size_t>(intBetween(0, static_cast<qint64>(items.size()) - 1))];
    }

    // Knuth's method: fine for the small rates of the demo (a few events per second).
    int poisson(double lambda)
    {
        const double limit = std::exp(-lambda);
        int k = 0;
        double product = unit();
        while (product > limit) {
            ++k;
            product *= unit();
        }
        return k;
    }

private:
    quint64 m_state;
};

} // namespace vantage
