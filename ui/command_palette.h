#pragma once

#include <QDialog>

class QAction;
class QLineEdit;
class QListWidget;

namespace casebook::ui {

// Ctrl+Shift+P: type a few letters of any command, in order but not necessarily together ("mrg" finds
// "Merge selected tickets"), and Enter runs it.
class CommandPalette : public QDialog {
    Q_OBJECT
public:
    explicit CommandPalette(QWidget* window);

    QLineEdit* input() const { return m_input; }
    QListWidget* list() const { return m_list; }

    // How well `pattern` matches `text` as a subsequence, ignoring case; -1 when it does not. Matches at word
    // starts and in runs score higher.
    static int fuzzyScore(const QString& pattern, const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void filter(const QString& pattern);
    void runCurrent();

    QList<QAction*> m_actions;
    QLineEdit* m_input;
    QListWidget* m_list;
};

} // namespace casebook::ui
