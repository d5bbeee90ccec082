#include "widgets/Theme.h"

namespace vantage {

Theme Theme::light()
{
    Theme t;
    t.mode = Mode::Light;
    t.window = QColor(0xf3, 0xf5, 0xf8);
    t.surface = QColor(0xff, 0xff, 0xff);
    t.surfaceAlt = QColor(0xee, 0xf1, 0xf5);
    t.border = QColor(0xd9, 0xde, 0xe5);
    t.text = QColor(0x1d, 0x23, 0x2b);
    t.textMuted = QColor(0x5f, 0x6b, 0x7a);
    t.accent = QColor(0x25, 0x63, 0xeb);
    t.good = QColor(0x15, 0x80, 0x3d);
    t.warning = QColor(0xb4, 0x53, 0x09);
    t.critical = QColor(0xc8, 0x1e, 0x1e);
    t.info = QColor(0x03, 0x69, 0xa1);
    return t;
}

Theme Theme::dark()
{
    Theme t;
    t.mode = Mode::Dark;
    t.window = QColor(0x11, 0x14, 0x19);
    t.surface = QColor(0x1b, 0x20, 0x27);
    t.surfaceAlt = QColor(0x24, 0x2a, 0x33);
    t.border = QColor(0x2e, 0x35, 0x40);
    t.text = QColor(0xe6, 0xea, 0xef);
    t.textMuted = QColor(0x8b, 0x96, 0xa5);
    t.accent = QColor(0x60, 0xa5, 0xfa);
    t.good = QColor(0x4a, 0xde, 0x80);
    t.warning = QColor(0xfb, 0xbf, 0x24);
    t.critical = QColor(0xf8, 0x71, 0x71);
    t.info = QColor(0x38, 0xbd, 0xf8);
    return t;
}

QColor Theme::severityColor(Severity severity) const
{
    switch (severity) {
    case Severity::Info: return info;
    case Severity::Warning: return warning;
    case Severity::Error: return critical.darker(mode == Mode::Dark ? 100 : 115);
    case Severity::Critical: return critical;
    }
    return warning;
}

QColor Theme::eventTypeColor(const QString &type) const
{
    if (type == QLatin1String("signup"))
        return accent;
    if (type == QLatin1String("payment"))
        return good;
    if (type == QLatin1String("form_submission"))
        return QColor(mode == Mode::Dark ? 0xc0 : 0x7c, mode == Mode::Dark ? 0x84 : 0x3a, mode == Mode::Dark ? 0xfc : 0xed);
    if (type == QLatin1String("invitation"))
        return QColor(mode == Mode::Dark ? 0xf4 : 0xbe, mode == Mode::Dark ? 0x72 : 0x18, mode == Mode::Dark ? 0xb6 : 0x5d);
    return textMuted;
}

QPalette Theme::palette() const
{
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, surface);
    p.setColor(QPalette::AlternateBase, surfaceAlt);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, surface);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, surface);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, textMuted);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, mode == Mode::Dark ? window : surface);
    p.setColor(QPalette::Mid, border);
    p.setColor(QPalette::Dark, border.darker(130));
    p.setColor(QPalette::Light, surfaceAlt);
    p.setColor(QPalette::Disabled, QPalette::Text, textMuted);
    p.setColor(QPalette::Disabled, QPalette::WindowText, textMuted);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, textMuted);
    return p;
}

} // namespace vantage
