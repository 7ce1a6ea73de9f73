#include "tone_highlighter.h"

#include <QRegularExpression>
#include <QTextDocument>

namespace casebook::ui {

ToneHighlighter::ToneHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {}

void ToneHighlighter::setFindings(const QList<ToneFinding>& findings)
{
    m_findings = findings;
    m_spans.clear();
    const QString text = document()->toPlainText();
    for (int i = 0; i < findings.size(); ++i)
        m_spans.append({int(utf16Index(text, findings[i].start)), int(utf16Index(text, findings[i].end)), i});
    rehighlight();
}

const ToneFinding* ToneHighlighter::findingAt(int position) const
{
    for (const Span& s : m_spans)
        if (position >= s.start && position < s.end)
            return &m_findings[s.finding];
    return nullptr;
}

QString ToneHighlighter::categoryName(const QString& category)
{
    if (category == QLatin1String("threat"))
        return tr("Threat");
    if (category == QLatin1String("sarcasm"))
        return tr("Sarcasm");
    if (category == QLatin1String("blame"))
        return tr("Blame");
    if (category == QLatin1String("false_hope"))
        return tr("False hope");
    if (category == QLatin1String("date_promise"))
        return tr("Date promise");
    if (category == QLatin1String("over_promise"))
        return tr("Promise you may not keep");
    if (category == QLatin1String("curt_refusal"))
        return tr("Curt refusal");
    if (category == QLatin1String("informal"))
        return tr("Informal");
    if (category == QLatin1String("profanity"))
        return tr("Profanity");
    if (category == QLatin1String("policy"))
        return tr("Marketplace policy");
    return category;
}

QString ToneHighlighter::describe(const ToneFinding& f)
{
    const QString name = f.wholeSentence ? tr("%1 (the sentence as a whole)").arg(categoryName(f.category))
                                         : categoryName(f.category);
    QString html = QStringLiteral("<b>%1</b>: %2").arg(name.toHtmlEscaped(), f.reason.toHtmlEscaped());
    if (!f.suggestion.isEmpty())
        html += QStringLiteral("<br>%1 %2").arg(tr("Instead:").toHtmlEscaped(), f.suggestion.toHtmlEscaped());
    return html;
}

void ToneHighlighter::highlightBlock(const QString& text)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{[^{}\\n]*\\}\\}"));
    QTextCharFormat unfilled;
    unfilled.setBackground(QColor(0xfd, 0xe6, 0x8a));
    unfilled.setFontWeight(QFont::Bold);
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), unfilled);
    }

    const int blockStart = currentBlock().position();
    const int blockEnd = blockStart + int(text.size());
    for (const Span& s : m_spans) {
        const int from = std::max(s.start, blockStart);
        const int to = std::min(s.end, blockEnd);
        if (from >= to)
            continue;
        const QString& category = m_findings[s.finding].category;
        const bool serious = category == QLatin1String("threat") || category == QLatin1String("policy") ||
                             category == QLatin1String("profanity");
        // Merge with what is there, so an unfilled placeholder inside a finding keeps its background.
        for (int i = from; i < to; ++i) {
            QTextCharFormat f = format(i - blockStart);
            f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            f.setUnderlineColor(serious ? QColor(0xdc, 0x26, 0x26) : QColor(0xd9, 0x77, 0x06));
            setFormat(i - blockStart, 1, f);
        }
    }
}

} // namespace casebook::ui
