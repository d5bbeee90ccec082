#include "widgets/EqualEarthProjection.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vantage {

namespace {

// The paper's polynomial coefficients; M is sqrt(3) / 2.
constexpr double A1 = 1.340264;
constexpr double A2 = -0.081106;
constexpr double A3 = 0.000893;
constexpr double A4 = 0.003796;
const double M = std::sqrt(3.0) / 2.0;

constexpr double degToRad = std::numbers::pi / 180.0;

// y as a function of the parametric latitude theta, and its derivative (also x's denominator).
double yOfTheta(double theta)
{
    const double t2 = theta * theta;
    const double t6 = t2 * t2 * t2;
    return theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}

double dyOfTheta(double theta)
{
    const double t2 = theta * theta;
    const double t6 = t2 * t2 * t2;
    return A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
}

// The parametric latitude of the poles: asin(M) = pi / 3.
double thetaMax()
{
    return std::asin(M);
}

} // namespace

QPointF EqualEarthProjection::project(double lonDeg, double latDeg)
{
    const double lon = std::remainder(lonDeg, 360.0) * degToRad;
    const double lat = std::clamp(latDeg, -90.0, 90.0) * degToRad;
    const double theta = std::asin(M * std::sin(lat));
    return {lon * std::cos(theta) / (M * dyOfTheta(theta)), yOfTheta(theta)};
}

std::optional<QGeoCoordinate> EqualEarthProjection::unproject(QPointF xy)
{
    const double x = xy.x();
    const double y = xy.y();
    const double yMax = yOfTheta(thetaMax());
    // A hair of slack so that points projected from the outline itself come back inside.
    constexpr double slack = 1e-12;
    if (!std::isfinite(x) || !std::isfinite(y) || std::abs(y) > yMax + slack)
        return std::nullopt;

    const double limit = thetaMax();
    double theta = std::clamp(y, -limit, limit);
    for (int i = 0; i < 20; ++i) {
        const double delta = (yOfTheta(theta) - y) / dyOfTheta(theta);
        theta = std::clamp(theta - delta, -limit, limit);
        if (std::abs(delta) < 1e-15)
            break;
    }

    double s = std::sin(theta) / M;
    if (std::abs(s) > 1.0 - 1e-15)
        s = std::copysign(1.0, s);
    const double lat = std::asin(s);
    const double lon = M * x * dyOfTheta(theta) / std::cos(theta);
    constexpr double pi = std::numbers::pi;
    if (std::abs(lon) > pi + slack)
        return std::nullopt;
    return QGeoCoordinate(lat / degToRad, std::clamp(lon, -pi, pi) / degToRad);
}

QRectF EqualEarthProjection::worldBounds()
{
    const double xMax = project(180.0, 0.0).x();
    const double yMax = project(0.0, 90.0).y();
    return QRectF(-xMax, -yMax, 2.0 * xMax, 2.0 * yMax);
}

} // namespace vantage
