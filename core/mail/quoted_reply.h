#pragma once

#include <QString>

namespace casebook {

// What the writer of a reply wrote, without the mail it answers quoted below (or between) its lines: the
// text above an attribution ("On Mon, 1 Dec 2026 … wrote:", "2026년 12월 1일 (월) … 님이 작성:"), a marker
// ("-----Original Message-----", "-----원본 메시지-----") or an Outlook header block ("From: … Sent: …",
// "보낸 사람: … 보낸 날짜: …"), and without the lines quoted with '>'. Trimmed. A text that is all quote
// comes back as it was (trimmed): an empty answer would read as no answer at all.
QString withoutQuotedReply(const QString& text);

} // namespace casebook
