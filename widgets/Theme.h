#pragma once

#include "feed/Message.h"

#include <QColor>
#include <QPalette>

namespace vantage {

// The dashboard's colours for one appearance. Widgets read colours from here, never literals.
struct Theme
{
    enum class Mode { Light, Dark };

    Mode mode = Mode::Dark;
    QColor window;
    QColor surface;      // tile and card background
    QColor surfaceAlt;   // hovered / alternate rows
    QColor border;
    QColor text;
    QColor textMuted;
    QColor accent;
    QColor good;
    QColor warning;
    QColor critical;
    QColor info;

    static Theme light();
    static Theme dark();
    static Theme forMode(Mode mode) { return mode == Mode::Light ? light() : dark(); }

    QColor severityColor(Severity severity) const;
    // A stable colour per feed event type, readable on surface.
    QColor eventTypeColor(const QString &type) const;
    QPalette palette() const;
};

} // namespace vantage
