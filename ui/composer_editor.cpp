#include "composer_editor.h"

#include "tone_highlighter.h"

#include <QHelpEvent>
#include <QRegularExpression>
#include <QTextBlock>
#include <QToolTip>

namespace casebook::ui {

ComposerEditor::ComposerEditor(QWidget* parent)
    : QPlainTextEdit(parent), m_highlighter(new ToneHighlighter(document()))
{
    setObjectName(QStringLiteral("composerEditor"));
    setTabChangesFocus(true);
}

QString ComposerEditor::toolTipAt(int position) const
{
    if (const ToneFinding* f = m_highlighter->findingAt(position))
        return ToneHighlighter::describe(*f);
    const QTextBlock block = document()->findBlock(position);
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*([^{}\\n]*?)\\s*\\}\\}"));
    for (auto it = placeholder.globalMatch(block.text()); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const int at = position - block.position();
        if (at >= m.capturedStart() && at < m.capturedEnd())
            return tr("<b>%1</b> is not filled in: replace it before sending.")
                .arg(m.captured(1).toHtmlEscaped());
    }
    return {};
}

bool ComposerEditor::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = toolTipAt(cursorForPosition(help->pos()).position());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

} // namespace casebook::ui
