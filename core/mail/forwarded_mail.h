#pragma once

#include <QString>
#include <optional>

namespace casebook {

// Forwarded mail, as sellers receive it: quoted inline under a marker line ("---------- Forwarded message
// ---------", "-----Original Message-----", "---------- 전달된 메일 ----------", "-----원본 메시지-----",
// "Begin forwarded message:") with the original's header block, or attached whole as message/rfc822.

struct ForwardedHeader {
    QString fromName;
    QString fromAddress; // lower case
};

// Whether a line opens a quoted mail: "-----Original Message-----", "---------- Forwarded message ---------",
// "-----원본 메시지-----", a line of underscores (Outlook), "Begin forwarded message:".
bool isQuotedMailMarker(const QString& line);

// Whether a subject says its mail is a forward (Fwd:, FW:, 전달:). Replies quote the same header blocks
// (Outlook and Naver put "-----Original Message-----" above a reply too), so only a forward's quote counts.
bool isForwardSubject(const QString& subject);

// The original sender of the first mail quoted inline in `text`, when a marker line and a From:/보낸 사람:
// line under it say so.
std::optional<ForwardedHeader> inlineForwardSender(const QString& text);

// The block that shows an attached forwarded mail inside the forwarder's text: a marker line, From, Date,
// Subject and To as the original had them, then its text. Search and order numbers read it from there.
struct ForwardedBlock {
    QString from; // "Name <address>"
    QString date; // the original's Date header as written
    QString subject;
    QString to;
    QString text;
};
QString forwardedText(const ForwardedBlock& f);
QString forwardedHtml(const ForwardedBlock& f);

} // namespace casebook
