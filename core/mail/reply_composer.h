#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace casebook {

struct ReplyAttachment {
    QString fileName;
    QString mediaType; // "application/pdf"; empty: application/octet-stream
    QByteArray data;
};

// Everything a reply is made of; plain values so the composer needs no database.
struct ReplyInput {
    QString fromAddress;
    QString fromName;
    QStringList to;
    QString originalSubject;
    int ticketNumber = 0;
    QString inReplyTo;      // the Message-ID answered, without brackets
    QStringList references; // the thread so far, oldest first, without brackets
    QString text;
    QString signature; // appended after "-- " when not empty
    QList<ReplyAttachment> attachments;
    QDateTime date;
};

struct ComposedReply {
    QByteArray raw;    // the whole message, CRLF line endings
    QString messageId; // without brackets
    QString subject;
    QString body; // the text as sent, signature included
    QStringList references;
};

// Builds the MIME message of a reply with GMime: In-Reply-To and References so it threads in the
// customer's client, "Re: <subject> [#1042]", UTF-8 headers encoded per RFC 2047 and bodies in 7-bit safe
// transfer encodings, the signature, attachments, and a fresh Message-ID on the sender's domain.
class ReplyComposer {
public:
    static Result<ComposedReply> compose(const ReplyInput& input);
    // "Re: 환불 문의 [#1042]" from "RE: Re: 환불 문의 [#1042]" and 1042.
    static QString replySubject(const QString& original, int ticketNumber);
};

} // namespace casebook
