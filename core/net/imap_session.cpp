#include "net/imap_session.h"

#include "net/socket_transport.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <algorithm>

namespace casebook::net {

namespace {

constexpr qint64 kMaxLiteral = 256LL * 1024 * 1024; // matches the import's largest message

QString wordsOf(const QByteArray& text)
{
    return QString::fromUtf8(text).trimmed();
}

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

QByteArray ImapSession::nextTag()
{
    return "a" + QByteArray::number(++m_tag);
}

QByteArray ImapSession::astring(const QString& s) const
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

QByteArray ImapSession::mailboxName(const QString& folder)
{
    QByteArray name = modifiedUtf7(folder);
    name.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + name + '"';
}

QByteArray ImapSession::uidSet(const QList<quint32>& uids)
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

Result<ImapResponse> ImapSession::readResponse(int timeoutMs)
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

void ImapSession::noteCapabilities(const QByteArray& text)
{
    // "* CAPABILITY IMAP4rev1 …" or a response code "[CAPABILITY …]".
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

Result<ImapResponse> ImapSession::finish(const QByteArray& tag,
                                         const std::function<void(const ImapResponse&)>& untagged)
{
    for (;;) {
        auto r = readResponse();
        if (!r)
            return r.error();
        if (r->text.startsWith(tag + ' ')) {
            const QByteArray status = statusOf(r->text, tag);
            if (status == "OK")
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

Result<ImapResponse> ImapSession::run(const QByteArray& command,
                                      const std::function<void(const ImapResponse&)>& untagged)
{
    const QByteArray tag = nextTag();
    if (auto w = m_t.write(tag + ' ' + command + "\r\n"); !w)
        return w.error();
    return finish(tag, untagged);
}

Result<void> ImapSession::greeting()
{
    auto r = readResponse();
    if (!r)
        return r.error();
    if (r->text.startsWith("* OK")) {
        noteCapabilities(r->text);
        return {};
    }
    if (r->text.startsWith("* PREAUTH"))
        return makeError(
            QStringLiteral("The IMAP server says the session is already logged in (PREAUTH), which "
                           "Casebook does not accept."));
    return makeError(QStringLiteral("The IMAP server did not greet: %1").arg(wordsOf(r->text)));
}

Result<QStringList> ImapSession::capability()
{
    m_caps.clear();
    auto r = run("CAPABILITY", [this](const ImapResponse& u) {
        if (u.text.startsWith("* CAPABILITY"))
            noteCapabilities(u.text);
    });
    if (!r)
        return r.error();
    return m_caps;
}

Result<void> ImapSession::startTls()
{
    if (!hasCapability(QStringLiteral("STARTTLS")))
        return makeError(
            QStringLiteral("The IMAP server does not offer STARTTLS, though this account requires it: "
                           "refusing to log in (the connection may have been tampered with)."));
    if (auto r = run("STARTTLS"); !r)
        return r.error();
    if (auto tls = m_t.startTls(); !tls)
        return tls.error();
    if (auto caps = capability(); !caps)
        return caps.error();
    return {};
}

Result<void> ImapSession::login(const QString& user, const QString& password)
{
    if (!m_t.isEncrypted() && !m_t.isLoopback())
        return makeError(QStringLiteral("Refusing to send the password without TLS."));
    if (hasCapability(QStringLiteral("LOGINDISABLED")))
        return makeError(
            QStringLiteral("The IMAP server does not allow logging in on this connection (LOGINDISABLED)."));
    if (hasCapability(QStringLiteral("AUTH=PLAIN"))) {
        const QByteArray token = (QByteArray(1, '\0') + user.toUtf8() + '\0' + password.toUtf8()).toBase64();
        if (hasCapability(QStringLiteral("SASL-IR"))) {
            if (auto r = run("AUTHENTICATE PLAIN " + token); !r)
                return makeError(QStringLiteral("Login failed: %1").arg(r.error().message));
            return {};
        }
        const QByteArray tag = nextTag();
        if (auto w = m_t.write(tag + " AUTHENTICATE PLAIN\r\n"); !w)
            return w.error();
        auto cont = readResponse();
        if (!cont)
            return cont.error();
        if (!cont->text.startsWith('+'))
            return makeError(QStringLiteral("Login failed: %1").arg(wordsOf(cont->text)));
        if (auto w = m_t.write(token + "\r\n"); !w)
            return w.error();
        if (auto r = finish(tag, {}); !r)
            return makeError(QStringLiteral("Login failed: %1").arg(r.error().message));
        return {};
    }
    if (!hasCapability(QStringLiteral("LITERAL+")) &&
        (astring(user).startsWith('{') || astring(password).startsWith('{')))
        return makeError(
            QStringLiteral("The user name or password has characters this server cannot take in LOGIN."));
    if (auto r = run("LOGIN " + astring(user) + ' ' + astring(password)); !r)
        return makeError(QStringLiteral("Login failed: %1").arg(r.error().message));
    return {};
}

Result<void> ImapSession::open(TlsMode mode, const QString& user, const QString& password)
{
    if (auto g = greeting(); !g)
        return g;
    if (auto c = capability(); !c)
        return c.error();
    if (mode == TlsMode::StartTls)
        if (auto s = startTls(); !s)
            return s;
    return login(user, password);
}

Result<MailboxStatus> ImapSession::examine(const QString& folder)
{
    static const QRegularExpression validity(QStringLiteral("\\[UIDVALIDITY (\\d+)\\]"));
    static const QRegularExpression next(QStringLiteral("\\[UIDNEXT (\\d+)\\]"));
    static const QRegularExpression exists(QStringLiteral("^\\* (\\d+) EXISTS"));
    MailboxStatus st;
    auto r = run("EXAMINE " + mailboxName(folder), [&](const ImapResponse& u) {
        const QString t = QString::fromUtf8(u.text);
        if (auto m = validity.match(t); m.hasMatch())
            st.uidValidity = m.captured(1).toUInt();
        if (auto m = next.match(t); m.hasMatch())
            st.uidNext = m.captured(1).toUInt();
        if (auto m = exists.match(t); m.hasMatch())
            st.exists = m.captured(1).toUInt();
    });
    if (!r)
        return makeError(
            QStringLiteral("Could not open the folder \"%1\": %2").arg(folder, r.error().message));
    if (st.uidValidity == 0)
        return makeError(QStringLiteral("The IMAP server gave no UIDVALIDITY for \"%1\".").arg(folder));
    return st;
}

Result<QList<quint32>> ImapSession::uidsFrom(quint32 fromUid)
{
    QList<quint32> uids;
    auto r = run("UID SEARCH UID " + QByteArray::number(std::max<quint32>(fromUid, 1)) + ":*",
                 [&](const ImapResponse& u) {
                     if (!u.text.startsWith("* SEARCH"))
                         return;
                     for (const QByteArray& n : u.text.mid(8).split(' '))
                         if (const quint32 v = n.toUInt(); v >= fromUid && v > 0)
                             uids << v;
                 });
    if (!r)
        return r.error();
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    return uids;
}

Result<QList<FetchedMessage>> ImapSession::fetch(const QList<quint32>& uids)
{
    static const QRegularExpression uidRe(QStringLiteral("UID (\\d+)"));
    QList<FetchedMessage> out;
    if (uids.isEmpty())
        return out;
    auto r = run("UID FETCH " + uidSet(uids) + " (UID BODY.PEEK[])", [&](const ImapResponse& u) {
        if (!u.text.contains(" FETCH ") || !u.text.contains("BODY[]"))
            return; // a flag update in passing
        const auto m = uidRe.match(QString::fromLatin1(u.text));
        if (!m.hasMatch())
            return;
        FetchedMessage f;
        f.uid = m.captured(1).toUInt();
        if (!u.literals.isEmpty())
            f.raw = u.literals.first();
        out << f;
    });
    if (!r)
        return r.error();
    std::sort(out.begin(), out.end(),
              [](const FetchedMessage& a, const FetchedMessage& b) { return a.uid < b.uid; });
    return out;
}

Result<IdleEvent> ImapSession::idle(int timeoutMs, const std::function<bool()>& stop)
{
    if (!hasCapability(QStringLiteral("IDLE")))
        return makeError(QStringLiteral("The IMAP server does not support IDLE."));
    const QByteArray tag = nextTag();
    if (auto w = m_t.write(tag + " IDLE\r\n"); !w)
        return w.error();
    auto cont = readResponse();
    if (!cont)
        return cont.error();
    if (!cont->text.startsWith('+'))
        return makeError(QStringLiteral("The IMAP server refused IDLE: %1").arg(wordsOf(cont->text)));
    const QDeadlineTimer deadline(timeoutMs);
    IdleEvent event = IdleEvent::Timeout;
    for (;;) {
        if (stop && stop()) {
            event = IdleEvent::Stopped;
            break;
        }
        if (deadline.hasExpired())
            break;
        auto r = readResponse(
            static_cast<int>(std::min<qint64>(1000, std::max<qint64>(deadline.remainingTime(), 1))));
        if (!r)
            return r.error();
        if (r->text.startsWith("* BYE"))
            return makeError(
                QStringLiteral("The IMAP server closed the session: %1").arg(wordsOf(r->text.mid(6))));
        if (r->text.endsWith(" EXISTS")) {
            event = IdleEvent::NewMail;
            break;
        }
    }
    if (auto w = m_t.write("DONE\r\n"); !w)
        return w.error();
    if (auto r = finish(tag, {}); !r)
        return r.error();
    return event;
}

Result<void> ImapSession::logout()
{
    // The server answers "* BYE" then OK; either way the session is over.
    const QByteArray tag = nextTag();
    if (auto w = m_t.write(tag + " LOGOUT\r\n"); !w)
        return w.error();
    for (int i = 0; i < 4; ++i) {
        auto r = readResponse();
        if (!r || r->text.startsWith(tag + ' '))
            break;
    }
    return {};
}

Result<ImapConnection> connectImap(const Endpoint& endpoint, const QString& user, const QString& password,
                                   QString* refusedCertSha256)
{
    auto transport = SocketTransport::connect(endpoint, refusedCertSha256);
    if (!transport)
        return transport.error();
    SocketTransport* socket = transport->get();
    ImapConnection c;
    c.transport = std::move(transport.value());
    c.session = std::make_unique<ImapSession>(*c.transport);
    if (auto opened = c.session->open(endpoint.tls, user, password); !opened) {
        if (refusedCertSha256 && !socket->refusedCertificateSha256().isEmpty())
            *refusedCertSha256 = socket->refusedCertificateSha256(); // refused at STARTTLS
        return opened.error();
    }
    return c;
}

} // namespace casebook::net
