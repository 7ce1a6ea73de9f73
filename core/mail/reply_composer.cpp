#include "mail/reply_composer.h"

#include <QRegularExpression>
#include <QUuid>
#include <gmime/gmime.h>
#include <memory>
#include <mutex>

namespace casebook {

namespace {

void initGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

struct Unref {
    void operator()(gpointer p) const
    {
        if (p)
            g_object_unref(p);
    }
};
template <typename T> using GPtr = std::unique_ptr<T, Unref>;

QByteArray bracketed(const QString& id)
{
    return '<' + id.toUtf8() + '>';
}

GMimeObject* textPart(const QString& text)
{
    GMimeTextPart* part = g_mime_text_part_new_with_subtype("plain");
    g_mime_text_part_set_text(part, text.toUtf8().constData());
    g_mime_text_part_set_charset(part, "utf-8");
    // Quoted-printable or base64 as GMime judges best: 7-bit safe for any relay.
    g_mime_part_set_content_encoding(GMIME_PART(part), g_mime_part_get_best_content_encoding(
                                                           GMIME_PART(part), GMIME_ENCODING_CONSTRAINT_7BIT));
    return GMIME_OBJECT(part);
}

GMimeObject* attachmentPart(const ReplyAttachment& a)
{
    const QByteArray type =
        a.mediaType.isEmpty() ? QByteArray("application/octet-stream") : a.mediaType.toUtf8();
    const int slash = type.indexOf('/');
    GMimePart* part = g_mime_part_new_with_type(slash > 0 ? type.left(slash).constData() : "application",
                                                slash > 0 ? type.mid(slash + 1).constData() : "octet-stream");
    GPtr<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(a.data.constData(), static_cast<size_t>(a.data.size())));
    GPtr<GMimeDataWrapper> content(
        g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part, content.get());
    g_mime_part_set_filename(part, a.fileName.toUtf8().constData());
    g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
    return GMIME_OBJECT(part);
}

} // namespace

QString ReplyComposer::replySubject(const QString& original, int ticketNumber)
{
    static const QRegularExpression prefixes(
        QStringLiteral("^\\s*((re|aw|fw|fwd|답장|회신)\\s*(\\[\\d+\\])?\\s*:\\s*)+"),
        QRegularExpression::CaseInsensitiveOption);
    QString s = original;
    s.remove(prefixes);
    const QString tag = QStringLiteral("[#%1]").arg(ticketNumber);
    s.remove(tag);
    s = s.simplified();
    QString out = QStringLiteral("Re: ") + s;
    if (ticketNumber > 0)
        out += (s.isEmpty() ? QString() : QStringLiteral(" ")) + tag;
    return out;
}

Result<ComposedReply> ReplyComposer::compose(const ReplyInput& in)
{
    if (in.to.isEmpty())
        return makeError(QStringLiteral("The reply has no recipient."));
    if (in.fromAddress.isEmpty())
        return makeError(QStringLiteral("The account has no sender address."));
    initGMime();
    ComposedReply out;
    out.subject = replySubject(in.originalSubject, in.ticketNumber);
    out.body = in.text;
    if (!in.signature.trimmed().isEmpty()) {
        if (!out.body.endsWith(QLatin1Char('\n')))
            out.body += QLatin1Char('\n');
        out.body += QStringLiteral("\n-- \n") + in.signature.trimmed() + QLatin1Char('\n');
    }
    const QString domain = in.fromAddress.section(QLatin1Char('@'), -1).trimmed();
    out.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1Char('@') +
                    (domain.isEmpty() ? QStringLiteral("casebook.invalid") : domain);
    out.references = in.references;
    if (!in.inReplyTo.isEmpty() && !out.references.contains(in.inReplyTo))
        out.references << in.inReplyTo;

    GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, in.fromName.toUtf8().constData(),
                               in.fromAddress.toUtf8().constData());
    for (const QString& to : in.to)
        g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, nullptr, to.toUtf8().constData());
    g_mime_message_set_subject(message.get(), out.subject.toUtf8().constData(), "utf-8");
    g_mime_message_set_message_id(message.get(), out.messageId.toUtf8().constData());
    const QDateTime date = in.date.isValid() ? in.date : QDateTime::currentDateTimeUtc();
    GDateTime* gdate = g_date_time_new_from_unix_utc(date.toSecsSinceEpoch());
    g_mime_message_set_date(message.get(), gdate);
    g_date_time_unref(gdate);
    GMimeObject* top = GMIME_OBJECT(message.get());
    if (!in.inReplyTo.isEmpty())
        g_mime_object_set_header(top, "In-Reply-To", bracketed(in.inReplyTo).constData(), nullptr);
    if (!out.references.isEmpty()) {
        QByteArray refs;
        for (const QString& r : out.references)
            refs += (refs.isEmpty() ? "" : " ") + bracketed(r);
        g_mime_object_set_header(top, "References", refs.constData(), nullptr);
    }

    GPtr<GMimeObject> body(textPart(out.body));
    if (in.attachments.isEmpty()) {
        g_mime_message_set_mime_part(message.get(), body.get());
    } else {
        GPtr<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
        g_mime_multipart_add(mixed.get(), body.get());
        for (const ReplyAttachment& a : in.attachments) {
            GPtr<GMimeObject> part(attachmentPart(a));
            g_mime_multipart_add(mixed.get(), part.get());
        }
        g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(mixed.get()));
    }

    GMimeFormatOptions* options = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
    GPtr<GMimeStream> stream(g_mime_stream_mem_new());
    const ssize_t written = g_mime_object_write_to_stream(top, options, stream.get());
    g_mime_format_options_free(options);
    if (written < 0)
        return makeError(QStringLiteral("Could not write the reply's MIME message."));
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    out.raw = QByteArray(reinterpret_cast<const char*>(bytes->data), static_cast<qsizetype>(bytes->len));
    return out;
}

} // namespace casebook
