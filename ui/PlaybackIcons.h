#pragma once

#include <QColor>
#include <QIcon>

namespace vantage {

// The playback bar's glyphs, painted in the theme's colour so they read in light and dark
// themes alike (the style's media icons are drawn for a light background).
enum class PlaybackGlyph { Play, Pause, Step };

// `disabled` is the colour of the glyph on a disabled button.
QIcon playbackIcon(PlaybackGlyph glyph, const QColor &color, const QColor &disabled);

} // namespace vantage
