#include "ui/PlaybackIcons.h"

#include <QImage>
#include <QPixmap>

#include <gtest/gtest.h>

// The playback bar's glyphs, drawn when a button paints them: in the colour given, the disabled
// colour on a disabled button, and sharp at whatever size and pixel ratio they are painted at.

using vantage::PlaybackGlyph;
using vantage::playbackIcon;

namespace {

const QColor kText(0xe6, 0xea, 0xf0);
const QColor kMuted(0x6b, 0x72, 0x80);

QImage glyphImage(PlaybackGlyph glyph, int side, QIcon::Mode mode = QIcon::Normal)
{
    return playbackIcon(glyph, kText, kMuted)
        .pixmap(QSize(side, side), 1.0, mode)
        .toImage()
        .convertToFormat(QImage::Format_ARGB32);
}

// The pixel at (x, y) of a 16-unit design square, scaled to the image.
QColor at(const QImage &image, qreal x, qreal y)
{
    const qreal scale = image.width() / 16.0;
    return image.pixelColor(int(x * scale), int(y * scale));
}

} // namespace

TEST(PlaybackIcons, EachGlyphIsDrawnInTheColourGivenAtTheSizeAskedFor)
{
    for (const int side : {16, 32, 48}) {
        SCOPED_TRACE(side);
        const QImage play = glyphImage(PlaybackGlyph::Play, side);
        ASSERT_EQ(play.size(), QSize(side, side));
        EXPECT_EQ(at(play, 6, 8), kText);         // inside the triangle
        EXPECT_EQ(at(play, 0.5, 0.5).alpha(), 0); // a corner
        EXPECT_EQ(at(play, 12, 3).alpha(), 0);    // beside the tip

        const QImage pause = glyphImage(PlaybackGlyph::Pause, side);
        EXPECT_EQ(at(pause, 4.5, 8), kText);   // the left bar
        EXPECT_EQ(at(pause, 11, 8), kText);    // the right bar
        EXPECT_EQ(at(pause, 8, 8).alpha(), 0); // between them

        const QImage step = glyphImage(PlaybackGlyph::Step, side);
        EXPECT_EQ(at(step, 5, 8), kText);      // the triangle
        EXPECT_EQ(at(step, 12.5, 4), kText);   // the bar after it
        EXPECT_EQ(at(step, 10.5, 3).alpha(), 0); // between the tip and the bar, near the top
    }
}

TEST(PlaybackIcons, ADisabledButtonShowsTheGlyphInTheDisabledColour)
{
    const QImage disabled = glyphImage(PlaybackGlyph::Play, 16, QIcon::Disabled);
    EXPECT_EQ(at(disabled, 6, 8), kMuted);
    EXPECT_EQ(at(glyphImage(PlaybackGlyph::Play, 16, QIcon::Active), 6, 8), kText);
}

TEST(PlaybackIcons, OnAHighDensityScreenTheGlyphIsDrawnAtDevicePixels)
{
    const QPixmap pixmap = playbackIcon(PlaybackGlyph::Pause, kText, kMuted).pixmap(QSize(16, 16), 2.0);
    EXPECT_EQ(pixmap.size(), QSize(32, 32));
    EXPECT_EQ(pixmap.devicePixelRatio(), 2.0);
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    EXPECT_EQ(image.pixelColor(9, 16), kText);      // 4.5 units in: the left bar, at device pixels
    EXPECT_EQ(image.pixelColor(16, 16).alpha(), 0); // the gap
}
