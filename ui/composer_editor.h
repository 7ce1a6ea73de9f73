#pragma once

#include <QPlainTextEdit>

namespace casebook::ui {

class ToneHighlighter;

// The composer's text field: plain text (replies go out as text), with tone findings and unfilled
// placeholders painted by its highlighter and explained in a tooltip where the mouse rests.
class ComposerEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ComposerEditor(QWidget* parent = nullptr);

    ToneHighlighter* highlighter() const { return m_highlighter; }
    // What the tooltip says at a document position: the finding there, or an unfilled placeholder.
    QString toolTipAt(int position) const;

protected:
    bool viewportEvent(QEvent* event) override;

private:
    ToneHighlighter* m_highlighter;
};

} // namespace casebook::ui
