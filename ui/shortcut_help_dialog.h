#pragma once

#include <QDialog>

class QTableWidget;

namespace casebook::ui {

// "?": every keyboard shortcut of the window, read from its registered actions when opened.
class ShortcutHelpDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutHelpDialog(QWidget* window);

    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

} // namespace casebook::ui
