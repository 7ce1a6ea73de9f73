#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QAction;
class QWidget;

namespace casebook::ui {

// The commands a window offers: every QAction it holds that does something by itself (not a separator or a
// submenu), by its text. The shortcut list and the command palette both read this, so neither can drift
// from the menus.
QList<QAction*> registeredActions(const QWidget* window);

// An action's text as a person reads it: without mnemonics (&) or a trailing ellipsis.
QString plainActionText(const QAction* action);

// The keys that run an action: its shortcuts, and a key a widget handles itself that the text names after a
// tab ("Open ticket\tEnter": the list opens the current ticket on Enter).
QStringList actionKeys(const QAction* action);

} // namespace casebook::ui
