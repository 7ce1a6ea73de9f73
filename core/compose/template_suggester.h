#pragma once

#include "compose/reply_template.h"
#include "model/enums.h"

#include <QList>

namespace casebook {

// Which templates fit a ticket, best first, for the picker's list before the seller types: those of the
// ticket's category (with "other", the general answers), then by the words they share with what the
// customer wrote, each word weighted by how rare it is among the templates (so "고객님" and "thank you", in
// every template, count for nothing). Templates for a charged situation (abuse, a false review) come last
// unless the ticket is of that category: offering them first to a gift-wrap question is wrong.
namespace template_suggester {

QList<ReplyTemplate> rank(const QList<ReplyTemplate>& templates, Category category, const QString& customerText,
                          const QString& preferredLanguage = {});

} // namespace template_suggester
} // namespace casebook
