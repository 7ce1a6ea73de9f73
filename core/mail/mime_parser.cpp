#include "mail/mime_parser.h"

#include "mail/amazon_relay.h"
#include "mail/charset.h"
#include "mail/encoded_words.h"
#include "mail/forwarded_mail.h"
#include "mail/html_text.h"
#include "mail/order_numbers.h"
#include "model/sha256.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <gmime/gmime.h>

#include <limits>
#include <memory>
#include <mutex>

namespace casebook {
namespace {

void initGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

struct GObjectDeleter {
    void operator()(gpointer p) const
    {
        if (p)
            g_object_unref(p);
    }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectDeleter>;

struct OptionsDeleter {
    void operator()(GMimeParserOptions* o) const { g_mime_parser_options_free(o); }
};

std::unique_ptr<GMimeParserOptions, OptionsDeleter> makeOptions()
{
    std::unique_ptr<GMimeParserOptions, OptionsDeleter> options(g_mime_parser_options_new());
    // Undeclared 8-bit header text from Korean mailers is usually CP949; try UTF-8 first.
    static const char* fallback[] = {"UTF-8", "CP949", "ISO-8859-1", nullptr};
    g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
    g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    return options;
}

QString fromUtf8(const char* s)
{
    return s ? QString::fromUtf8(s) : QString();
}

// Control characters (and bidi overrides, which can disguise a name) have no place in a displayed header.
QString cleanHeaderText(QString s)
{
    static const QRegularExpression unsafe(
        QStringLiteral("[\\x{0000}-\\x{0008}\\x{000B}-\\x{001F}\\x{007F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]"));
    s.remove(unsafe);
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.simplified();
}

// The first `limit` decoded bytes of a part, read through GMime's decoding filter (as
// g_mime_data_wrapper_write_to_stream decodes), and how many decoded bytes the part holds in all: a 100 MB
// text body is not decoded into memory whole to show its first pages.
QByteArray decodedPrefix(GMimePart* part, qsizetype limit, qint64& total)
{
    total = 0;
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (!content)
        return {};
    GMimeStream* source = g_mime_data_wrapper_get_stream(content);
    if (!source || g_mime_stream_reset(source) == -1)
        return {};
    GPtr<GMimeStream> filtered(g_mime_stream_filter_new(source));
    switch (g_mime_data_wrapper_get_encoding(content)) {
    case GMIME_CONTENT_ENCODING_BASE64:
    case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE:
    case GMIME_CONTENT_ENCODING_UUENCODE: {
        GPtr<GMimeFilter> filter(g_mime_filter_basic_new(g_mime_data_wrapper_get_encoding(content), FALSE));
        g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered.get()), filter.get());
        break;
    }
    default:
        break;
    }
    QByteArray out;
    // Room for the decoded bytes at once (base64 decodes to 3/4 of its length): a doubling buffer would
    // hold up to twice a large attachment while it grows.
    if (gint64 room = g_mime_stream_length(source); room > 0) {
        if (g_mime_data_wrapper_get_encoding(content) == GMIME_CONTENT_ENCODING_BASE64)
            room = room / 4 * 3 + 3;
        out.reserve(static_cast<qsizetype>(std::min<gint64>(room, limit)));
    }
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = g_mime_stream_read(filtered.get(), buffer, sizeof buffer);
        if (n <= 0)
            break;
        total += n;
        if (out.size() < limit)
            out.append(buffer, std::min<qsizetype>(n, limit - out.size()));
    }
    g_mime_stream_reset(source);
    return out;
}

QByteArray bytesOfPart(GMimePart* part)
{
    qint64 total = 0;
    return decodedPrefix(part, std::numeric_limits<qsizetype>::max(), total);
}

QStringList parseIds(GMimeParserOptions* options, const char* header)
{
    QStringList out;
    if (!header)
        return out;
    GMimeReferences* refs = g_mime_references_parse(options, header);
    if (!refs)
        return out;
    for (int i = 0; i < g_mime_references_length(refs); ++i)
        out << QString::fromUtf8(g_mime_references_get_message_id(refs, i));
    g_mime_references_free(refs);
    return out;
}

void readAddresses(InternetAddressList* list, QString* firstName, QString* firstAddress, QStringList* all)
{
    if (!list)
        return;
    const int n = internet_address_list_length(list);
    for (int i = 0; i < n; ++i) {
        InternetAddress* a = internet_address_list_get_address(list, i);
        if (!INTERNET_ADDRESS_IS_MAILBOX(a))
            continue;
        const QString addr = cleanHeaderText(fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))));
        const QString name = cleanHeaderText(fromUtf8(internet_address_get_name(a)));
        if (firstAddress && firstAddress->isEmpty()) {
            *firstAddress = addr.toLower();
            if (firstName)
                *firstName = name;
        }
        if (all)
            *all << addr.toLower();
    }
}

// The raw (still encoded) value of a header, for our own encoded-word decoding (see encoded_words.h).
QByteArray rawHeader(GMimeObject* obj, const char* name)
{
    GMimeHeaderList* list = g_mime_object_get_header_list(obj);
    GMimeHeader* h = list ? g_mime_header_list_get_header(list, name) : nullptr;
    const char* raw = h ? g_mime_header_get_raw_value(h) : nullptr;
    return raw ? QByteArray(raw) : QByteArray();
}

InternetAddressList* addressesOf(GMimeParserOptions* options, GMimeObject* obj, const char* name)
{
    const QByteArray raw = rawHeader(obj, name);
    return raw.isEmpty() ? nullptr : internet_address_list_parse(options, mergeEncodedWords(raw).constData());
}

// Subject, From, To and Date of a message, the outer one or one forwarded inside it.
void readEnvelope(GMimeMessage* message, GMimeParserOptions* options, InboundMessage& m)
{
    GMimeObject* obj = GMIME_OBJECT(message);
    m.externalId = cleanHeaderText(fromUtf8(g_mime_message_get_message_id(message)));
    m.subject = cleanHeaderText(decodeHeaderWords(rawHeader(obj, "Subject")));
    if (InternetAddressList* from = addressesOf(options, obj, "From")) {
        readAddresses(from, &m.fromName, &m.fromAddress, nullptr);
        g_object_unref(from);
    }
    if (InternetAddressList* to = addressesOf(options, obj, "To")) {
        readAddresses(to, nullptr, nullptr, &m.to);
        g_object_unref(to);
    }
    if (GDateTime* date = g_mime_message_get_date(message))
        m.date = QDateTime::fromMSecsSinceEpoch(g_date_time_to_unix(date) * 1000 +
                                                    g_date_time_get_microsecond(date) / 1000,
                                                QTimeZone::utc());
}

QByteArray bytesOfObject(GMimeObject* obj)
{
    GPtr<GMimeStream> mem(g_mime_stream_mem_new());
    g_mime_object_write_to_stream(obj, nullptr, mem.get());
    GByteArray* arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
    return QByteArray(reinterpret_cast<const char*>(arr->data), static_cast<qsizetype>(arr->len));
}

QString addressLine(const QString& name, const QString& address)
{
    return name.isEmpty() ? address : QStringLiteral("%1 <%2>").arg(name, address);
}

// A file name for a forwarded mail kept as an attachment: the sender's name for it, else its subject.
QString emlName(GMimeObject* part, const QString& subject)
{
    QString name = cleanHeaderText(fromUtf8(g_mime_object_get_content_disposition_parameter(part, "filename")));
    if (name.isEmpty())
        name = cleanHeaderText(fromUtf8(g_mime_object_get_content_type_parameter(part, "name")));
    if (!name.isEmpty())
        return name;
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|]"));
    name = subject.left(80).replace(unsafe, QStringLiteral("_")).trimmed();
    return (name.isEmpty() ? QStringLiteral("forwarded") : name) + QStringLiteral(".eml");
}

struct Walker {
    const ParseLimits& limits;
    GMimeParserOptions* options;
    InboundMessage& out;
    int& parts;
    QString& error;
    QList<ForwardedBlock> forwards;

    void walk(GMimeObject* obj, int depth)
    {
        if (!error.isEmpty() || !obj)
            return;
        if (depth > limits.maxDepth) {
            error = QStringLiteral("MIME nesting deeper than %1 levels").arg(limits.maxDepth);
            return;
        }
        if (++parts > limits.maxParts) {
            error = QStringLiteral("more than %1 MIME parts").arg(limits.maxParts);
            return;
        }
        if (GMIME_IS_MULTIPART(obj)) {
            GMimeMultipart* mp = GMIME_MULTIPART(obj);
            const int n = g_mime_multipart_get_count(mp);
            for (int i = 0; i < n; ++i)
                walk(g_mime_multipart_get_part(mp, i), depth + 1);
        } else if (GMIME_IS_MESSAGE_PART(obj)) {
            if (GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj)))
                forwarded(obj, inner, depth);
        } else if (GMIME_IS_PART(obj)) {
            leaf(GMIME_PART(obj));
        }
    }

    // A forwarded mail: its text joins ours under a marked header block (so the ticket shows it and search
    // and order numbers find it), the mail itself is kept as an .eml attachment, and its sender is noted.
    void forwarded(GMimeObject* part, GMimeMessage* inner, int depth)
    {
        InboundMessage f;
        readEnvelope(inner, options, f);
        Walker w{limits, options, f, parts, error, {}};
        w.walk(g_mime_message_get_mime_part(inner), depth + 1);
        if (!error.isEmpty())
            return;
        w.finish();
        Attachment eml;
        eml.filename = emlName(part, f.subject);
        eml.mediaType = QStringLiteral("message/rfc822");
        eml.data = bytesOfObject(GMIME_OBJECT(inner));
        eml.size = eml.data.size();
        eml.sha256 = sha256Hex(eml.data);
        out.attachments << eml << f.attachments;
        if (out.forwardedFromAddress.isEmpty() && !f.fromAddress.isEmpty()) {
            out.forwardedFromAddress = f.fromAddress;
            out.forwardedFromName = f.fromName;
        }
        forwards << ForwardedBlock{addressLine(f.fromName, f.fromAddress),
                                   cleanHeaderText(fromUtf8(g_mime_object_get_header(GMIME_OBJECT(inner), "Date"))),
                                   f.subject, f.to.join(QStringLiteral(", ")), f.text};
    }

    // After the walk: text from HTML when there was none, then the forwarded mails in order.
    void finish()
    {
        if (!out.html.isEmpty() && out.text.trimmed().isEmpty())
            out.text = htmlToText(out.html);
        for (const ForwardedBlock& f : forwards) {
            out.text += forwardedText(f);
            if (!out.html.isEmpty())
                out.html += forwardedHtml(f);
        }
    }

    void leaf(GMimePart* part)
    {
        GMimeContentType* ct = g_mime_object_get_content_type(GMIME_OBJECT(part));
        const bool attachment = g_mime_part_is_attachment(part);
        const bool isText = ct && g_mime_content_type_is_type(ct, "text", "plain");
        const bool isHtml = ct && g_mime_content_type_is_type(ct, "text", "html");
        if (!attachment && (isText || isHtml)) {
            const QByteArray charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
            qint64 total = 0;
            QString decoded = decodeCharset(decodedPrefix(part, kMaxBodyBytes, total), charset);
            if (total > kMaxBodyBytes) {
                // Cut inside a character: the decoder's replacements for its first bytes go (a UTF-8
                // character has at most three more).
                for (int i = 0; i < 3 && decoded.endsWith(QChar::ReplacementCharacter); ++i)
                    decoded.chop(1);
                const QString more = QStringLiteral("[… %1 MB more in the original message, kept with the ticket]")
                                         .arg(double(total - kMaxBodyBytes) / (1 << 20), 0, 'f', 1);
                decoded += isHtml ? QStringLiteral("<p>") + more + QStringLiteral("</p>")
                                  : QStringLiteral("\n\n") + more;
            }
            if (isText && out.text.isEmpty())
                out.text = decoded;
            else if (isHtml && out.html.isEmpty())
                out.html = decoded;
            return;
        }
        Attachment a;
        a.filename = cleanHeaderText(fromUtf8(g_mime_part_get_filename(part)));
        if (ct) {
            char* mime = g_mime_content_type_get_mime_type(ct);
            a.mediaType = fromUtf8(mime).toLower();
            g_free(mime);
        }
        a.data = bytesOfPart(part);
        a.size = a.data.size();
        a.sha256 = sha256Hex(a.data);
        out.attachments << a;
    }
};

qsizetype headerBlockSize(const QByteArray& raw)
{
    qsizetype end = raw.indexOf("\n\n");
    const qsizetype crlf = raw.indexOf("\r\n\r\n");
    if (crlf >= 0 && (end < 0 || crlf < end))
        end = crlf;
    return end < 0 ? raw.size() : end;
}

} // namespace

QString normalizedSubject(const QString& subject)
{
    static const QRegularExpression prefix(
        QStringLiteral("^\\s*((re|fw|fwd|aw|sv|antw|답장|회신|전달|답변)\\s*(\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*)+"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("\\[#\\d+\\]"));
    QString s = subject;
    s.remove(tag);
    for (;;) {
        const QString before = s;
        s.remove(prefix);
        s = s.trimmed();
        if (s == before)
            break;
    }
    return s.simplified().toCaseFolded();
}

Result<InboundMessage> parseMessage(const QByteArray& raw, const ParseLimits& limits, const QString& rawSha256)
{
    initGMime();
    if (raw.trimmed().isEmpty())
        return makeError(QStringLiteral("the message is empty"));
    if (headerBlockSize(raw) > limits.maxHeaderBytes)
        return makeError(QStringLiteral("the header block is larger than %1 bytes").arg(limits.maxHeaderBytes));

    auto options = makeOptions();
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.constData(), static_cast<size_t>(raw.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
    if (!message)
        return makeError(QStringLiteral("the bytes are not a mail message (no header could be read)"));
    GMimeObject* obj = GMIME_OBJECT(message.get());
    GMimeHeaderList* headers = g_mime_object_get_header_list(obj);
    if (!headers || g_mime_header_list_get_count(headers) == 0)
        return makeError(QStringLiteral("the message has no header fields"));

    InboundMessage m;
    m.raw = raw;
    m.rawSha256 = rawSha256.isEmpty() ? sha256Hex(raw) : rawSha256;
    m.channel = Channel::Email;
    readEnvelope(message.get(), options.get(), m);
    m.references = parseIds(options.get(), g_mime_object_get_header(obj, "References"));
    const QStringList replyTo = parseIds(options.get(), g_mime_object_get_header(obj, "In-Reply-To"));
    m.inReplyTo = replyTo.isEmpty() ? QString() : replyTo.last();

    int parts = 0;
    QString error;
    Walker walker{limits, options.get(), m, parts, error, {}};
    walker.walk(g_mime_message_get_mime_part(message.get()), 0);
    if (!error.isEmpty())
        return makeError(error);
    walker.finish();
    if (!m.html.isEmpty())
        m.html = sanitizeHtml(m.html);
    if (m.forwardedFromAddress.isEmpty() && isForwardSubject(m.subject)) {
        if (const auto quoted = inlineForwardSender(m.text)) {
            m.forwardedFromAddress = quoted->fromAddress;
            m.forwardedFromName = quoted->fromName;
        }
    }
    m.orderNumbers = findOrderNumbers(m.subject + QLatin1Char('\n') + m.text);
    m.customerName = m.fromName;
    recogniseAmazonRelay(m);
    return m;
}

} // namespace casebook
