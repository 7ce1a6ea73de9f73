#pragma once

#include "search/snippet.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace casebook {

// A short excerpt of a message's text around the first place a search matched, with the matches marked
// as ranges, so each face (list, CLI, JSON) draws them its own way. search::Snippet (no Qt) cuts it; this
// is it in Qt types.
struct SearchSnippet {
    QString text;
    QList<std::pair<int, int>> highlights; // (start, length) into text, in order, not overlapping

    // Finds the first of `needles` (case-insensitive) in `body` and cuts about `width` characters around
    // it; without a match, the start of the body.
    static SearchSnippet make(const QString& body, const QStringList& needles, int width = 160);

    // The text with each highlight wrapped in open … close.
    QString marked(const QString& open, const QString& close) const;

    static SearchSnippet fromPlain(const search::Snippet& s);
    search::Snippet plain() const;
};

} // namespace casebook
