#pragma once

#include <QImage>

namespace vantage::test {

// How many pixels of `image` satisfy `matches(QColor)`.
template <class Predicate> int pixelsWhere(const QImage &image, Predicate matches)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += matches(image.pixelColor(x, y)) ? 1 : 0;
    }
    return count;
}

} // namespace vantage::test
