#include "net/imap_wire.h"

#include <QRegularExpression>
#include <algorithm>

namespace casebook::net {

namespace {

constexpr qint64 kMaxLiteral = 256LL * 1024 * 1024; // matches the import's largest message

// "a7 NO [AUTHENTICATIONFAILED] bad" → status "NO".
QByteArray statusOf(const QByteArray& text, const QByteArray& tag)
{
    const QByteArray rest = text.mid(tag.size() + 1);
    const int sp = rest.indexOf(' ');
    return (sp < 0 ? rest : rest.left(sp)).toUpper();
}

QByteArray modifiedUtf7(const QString& s)
{
    QByteArray out;
    QString pending;
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        QByteArray utf16;
        for (QChar c : pending) {
            utf16.append(static_cast<char>(c.unicode() >> 8));
            utf16.append(static_cast<char>(c.unicode() & 0xff));
        }
        QByteArray b64 = utf16.toBase64(QByteArray::OmitTrailingEquals);
        b64.replace('/', ',');
        out += '&' + b64 + '-';
        pending.clear();
    };
    for (QChar c : s) {
        const ushort u = c.unicode();
        if (u >= 0x20 && u <= 0x7e) {
            flush();
            out += u == '&' ? QByteArray("&-") : QByteArray(1, static_cast<char>(u));
        } else {
            pending += c;
        }
    }
    flush();
    return out;
}

} // namespace

QString ImapWire::wordsOf(const QByteArray& text)
{
    return QString::fromUtf8(text).trimmed();
}

QByteArray ImapWire::nextTag()
{
    return "a" + QByteArray::number(++m_tag);
}

QByteArray ImapWire::astring(const QString& s) const
{
    const QByteArray utf8 = s.toUtf8();
    bool plain = !utf8.isEmpty();
    for (char c : utf8)
        plain &= static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f;
    if (plain) {
        QByteArray q = utf8;
        q.replace('\\', "\\\\").replace('"', "\\\"");
        return '"' + q + '"';
    }
    // Non-ASCII or control characters: a literal, non-synchronizing when the server allows it.
    return '{' + QByteArray::number(utf8.size()) +
           (hasCapability(QStringLiteral("LITERAL+")) ? "+}\r\n" : "}\r\n") + utf8;
}

QByteArray ImapWire::mailboxName(const QString& folder)
{
    QByteArray name = modifiedUtf7(folder);
    name.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + name + '"';
}

QByteArray ImapWire::uidSet(const QList<quint32>& uids)
{
    QList<quint32> sorted = uids;
    std::sort(sorted.begin(), sorted.end());
    QByteArray out;
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1)
            ++j;
        if (!out.isEmpty())
            out += ',';
        out += QByteArray::number(sorted[i]);
        if (j > i)
            out += ':' + QByteArray::number(sorted[j]);
        i = j + 1;
    }
    return out;
}

Result<ImapResponse> ImapWire::readResponse(int timeoutMs)
{
    static const QRegularExpression literal(QStringLiteral("\\{(\\d+)\\+?\\}\\r?\\n$"));
    ImapResponse r;
    for (;;) {
        auto line = m_t.readLine(timeoutMs);
        if (!line)
            return line.error();
        if (line->isEmpty()) // timed out
            return r;
        timeoutMs = -1; // the rest of a started response comes at the transport's pace
        const auto m = literal.match(QString::fromLatin1(*line));
        if (!m.hasMatch()) {
            r.text += line->endsWith("\r\n") ? line->chopped(2) : line->chopped(1);
            return r;
        }
        const qint64 n = m.captured(1).toLongLong();
        if (n > kMaxLiteral)
            return makeError(
                QStringLiteral("The server sent a literal of %1 bytes, more than Casebook accepts.").arg(n));
        r.text += line->left(m.capturedStart()) + "{}";
        auto bytes = m_t.readExactly(n);
        if (!bytes)
            return bytes.error();
        r.literals << *bytes;
    }
}

void ImapWire::noteCapabilities(const QByteArray& text)
{
    int at = text.toUpper().indexOf("CAPABILITY ");
    if (at < 0)
        return;
    QByteArray list = text.mid(at + 11);
    if (const int end = list.indexOf(']'); end >= 0)
        list = list.left(end);
    m_caps.clear();
    for (const QByteArray& c : list.split(' '))
        if (!c.isEmpty())
            m_caps << QString::fromLatin1(c);
}

Result<ImapResponse> ImapWire::finish(const QByteArray& tag, const Untagged& untagged)
{
    for (;;) {
        auto r = readResponse();
        if (!r)
            return r.error();
        if (r->text.startsWith(tag + ' ')) {
            if (statusOf(r->text, tag) == "OK")
                return r;
            return makeError(
                QStringLiteral("The IMAP server refused: %1").arg(wordsOf(r->text.mid(tag.size() + 1))));
        }
        if (r->text.startsWith("* BYE"))
            return makeError(
                QStringLiteral("The IMAP server closed the session: %1").arg(wordsOf(r->text.mid(6))));
        if (r->text.startsWith("* ") && untagged)
            untagged(*r);
    }
}

Result<ImapResponse> ImapWire::run(const QByteArray& command, const Untagged& untagged)
{
    const QByteArray tag = nextTag();
    if (auto w = m_t.write(tag + ' ' + command + "\r\n"); !w)
        return w.error();
    return finish(tag, untagged);
}

} // namespace casebook::net
