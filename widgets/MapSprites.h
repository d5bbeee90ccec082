#pragma once

#include <QColor>
#include <QHash>
#include <QImage>
#include <QPointF>

class QPainter;

namespace vantage {

// The activity map's circles (dots, cluster discs, session rings, pulse rings), each look drawn
// once into a small image and then blitted, faded by the painter's opacity. Qt's raster engine hands an
// antialiased fill of more than about a hundred spans (a disc wider than ~22 px) to its thread pool and waits
// for it: about 25 us a circle on a two-core machine, against about 1 us for a blit.
class MapSprites
{
public:
    // Looks kept before the cache starts over (a theme change or a long run of pulse sizes).
    static constexpr int maxSprites = 512;

    // A circle of radius (rounded to half a pixel) filled with fill and edged with a pen of
    // edgeWidth in edge; either colour may be transparent. Centred on centre to the nearest pixel,
    // at the painter's opacity.
    void drawCircle(QPainter &painter, QPointF centre, double radius, const QColor &fill, const QColor &edge,
                    double edgeWidth);
    void clear() { m_sprites.clear(); }
    qsizetype size() const { return m_sprites.size(); }

private:
    struct Key
    {
        int halfPixels = 0; // radius * 2
        QRgb fill = 0;
        QRgb edge = 0;
        int edgeQuarters = 0; // edgeWidth * 4
        int ratioPercent = 0; // device pixel ratio * 100

        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed)
        {
            return qHashMulti(seed, key.halfPixels, key.fill, key.edge, key.edgeQuarters, key.ratioPercent);
        }
    };

    static QImage render(const Key &key);

    QHash<Key, QImage> m_sprites;
};

} // namespace vantage
