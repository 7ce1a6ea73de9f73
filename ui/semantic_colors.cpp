#include "semantic_colors.h"

namespace casebook::ui {
namespace {

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

bool SemanticColors::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor SemanticColors::color(Role role, const QPalette& palette)
{
    const bool dark = isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    // Light shades are the darker ones (Tailwind 600/700), dark shades the lighter ones (300/400): both keep
    // a contrast of about 4.5:1 against their base.
    switch (role) {
    case Role::Warning:
        return dark ? QColor(0xfb, 0xbf, 0x24) : QColor(0xb4, 0x53, 0x09);
    case Role::Danger:
        return dark ? QColor(0xf8, 0x71, 0x71) : QColor(0xdc, 0x26, 0x26);
    case Role::Vip:
        return dark ? QColor(0xc4, 0xb5, 0xfd) : QColor(0x7c, 0x3a, 0xed);
    case Role::Muted:
        return mix(palette.color(QPalette::Text), base, 0.4);
    case Role::NoteBackground:
        return mix(base, QColor(0xf5, 0x9e, 0x0b), dark ? 0.22 : 0.16);
    case Role::OutgoingBackground:
        return mix(base, QColor(0x3b, 0x82, 0xf6), dark ? 0.25 : 0.12);
    case Role::IncomingBackground:
        return mix(base, palette.color(QPalette::Text), dark ? 0.08 : 0.05);
    }
    return palette.color(QPalette::Text);
}

} // namespace casebook::ui
