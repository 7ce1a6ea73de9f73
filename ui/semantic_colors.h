#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace casebook::ui {

// Colours that carry a meaning (due soon, overdue, a flag, a note) in a shade that reads on the palette in
// use, light or dark. Widgets take colours from the palette or from here, never as fixed hex values: a dark
// grey on a dark base, or a pale bubble behind light text, is unreadable.
class SemanticColors {
public:
    enum class Role {
        Warning,            // due soon
        Danger,             // overdue, abusive
        Vip,                // a valued customer
        Muted,              // secondary text: dates, addresses
        NoteBackground,     // an internal note
        OutgoingBackground, // what the seller sent
        IncomingBackground, // what the customer wrote
    };

    static bool isDark(const QPalette& palette = QGuiApplication::palette());
    static QColor color(Role role, const QPalette& palette = QGuiApplication::palette());
};

} // namespace casebook::ui
