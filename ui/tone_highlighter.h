#pragma once

#include "compose/tone_checker.h"

#include <QList>
#include <QSyntaxHighlighter>

namespace casebook::ui {

// Paints a reply as the seller types: tone findings get a wavy underline (red for what can block or hurt
// most, amber for the rest), unfilled {{placeholders}} a yellow background. Findings come from
// ToneChecker in code points of the whole text; this class maps them to document positions.
class ToneHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit ToneHighlighter(QTextDocument* document);

    // The findings for the document's current plain text.
    void setFindings(const QList<ToneFinding>& findings);
    const QList<ToneFinding>& findings() const { return m_findings; }

    // The finding covering the document position (UTF-16), or nullptr.
    const ToneFinding* findingAt(int position) const;

    // "Threat", "Sarcasm", … in the UI's language.
    static QString categoryName(const QString& category);
    // Rich text for a tooltip: the category, the reason and what to write instead.
    static QString describe(const ToneFinding& finding);

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Span {
        int start = 0; // document positions, end exclusive
        int end = 0;
        int finding = 0;
    };
    QList<ToneFinding> m_findings;
    QList<Span> m_spans;
};

} // namespace casebook::ui
