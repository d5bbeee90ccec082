#include "widgets/TypeScale.h"

#include <algorithm>

namespace vantage::TypeScale {

double of(const QFont &base)
{
    return base.pixelSize() > 0 ? base.pixelSize() / double(basePixelSize) : 1.0;
}

int px(const QFont &base, int designPx)
{
    return std::max(qRound(designPx * of(base)), 1);
}

double pxF(const QFont &base, double designPx)
{
    return designPx * of(base);
}

QFont windowFont(const QFont &appFont, double scale)
{
    QFont font = appFont;
    font.setPixelSize(std::max(qRound(basePixelSize * scale), 1));
    return font;
}

} // namespace vantage::TypeScale
