#pragma once

#include <QIconEngine>

namespace vantage {

// An icon drawn by its paint(), at whatever size and pixel ratio it is painted at, rather than kept
// as pixmaps: a pixmap asked for is a transparent one with paint() drawn over it.
class PaintedIconEngine : public QIconEngine
{
public:
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
};

} // namespace vantage
