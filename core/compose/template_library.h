#pragma once

#include "compose/reply_template.h"
#include "model/channel_table.h"
#include "model/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace casebook {

// The template file format (resources/templates/<lang>.json, and the export/import files):
// {"version":1,"templates":[{"id","language","category","title","body","plain"}]}.
class TemplateLibrary {
public:
    // Every built-in template, Korean and English, compiled into the program under :/templates.
    static Result<QList<ReplyTemplate>> builtins();

    static Result<QList<ReplyTemplate>> fromJson(const QByteArray& json, const QString& origin);
    static QByteArray toJson(const QList<ReplyTemplate>& templates);
    static QJsonObject toJsonObject(const ReplyTemplate& t); // one entry of the "templates" list

    // Why this template cannot be kept: a bad id, language or category, an empty title or body, a
    // placeholder syntax error, a plain variant over the board limit. Empty when it is fine.
    static Result<void> validate(const ReplyTemplate& t);

    // A template may go to any board: it keeps to the strictest limits of the channel table's boards.
    // Counted in code points, as every board of the table counts today.
    static constexpr int kBoardMaxLength = strictestBoardMaxLength();
    static constexpr int kBoardMinLength = strictestBoardMinLength();
};

} // namespace casebook
