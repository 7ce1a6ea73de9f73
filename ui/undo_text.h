#pragma once

#include "inbox/ticket_actions.h"

#include <QCoreApplication>

namespace casebook::ui {

// What an undo takes back, in the window's language ("#1016 진행 중 → 해결됨"): core's description is one
// English sentence for the CLI and the history; the window says it again from its parts.
class UndoText {
    Q_DECLARE_TR_FUNCTIONS(casebook::ui::UndoText)
public:
    static QString of(const UndoRecord& record);
    // A priority as the Ticket menu names it (0 normal, 1 high, 2 urgent).
    static QString priorityName(int priority);
};

} // namespace casebook::ui
