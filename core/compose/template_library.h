#pragma once

#include "compose/reply_template.h"
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

    // Coupang's answer board takes 2–1000 characters; Naver's is no shorter. Counted in code points.
    static constexpr int kBoardMaxLength = 1000;
    static constexpr int kBoardMinLength = 2;
};

} // namespace casebook
