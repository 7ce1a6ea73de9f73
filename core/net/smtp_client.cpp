#include "net/smtp_client.h"

#include "net/socket_transport.h"

namespace casebook::net {

namespace {

Error refused(const QString& doing, const SmtpReply& r)
{
    return makeError(QStringLiteral("The SMTP server refused %1: %2").arg(doing, r.words()));
}

} // namespace

Result<SmtpReply> SmtpClient::readReply()
{
    SmtpReply r;
    for (;;) {
        auto line = m_t.readLine();
        if (!line)
            return line.error();
        const QByteArray l = line->trimmed();
        if (l.size() < 3)
            return makeError(QStringLiteral("The SMTP server sent something that is not SMTP: %1")
                                 .arg(QString::fromUtf8(l.left(80))));
        r.code = l.left(3).toInt();
        r.lines << QString::fromUtf8(l.mid(4));
        if (l.size() == 3 || l[3] != '-')
            return r;
    }
}

Result<SmtpReply> SmtpClient::command(const QByteArray& line)
{
    if (auto w = m_t.write(line + "\r\n"); !w)
        return w.error();
    return readReply();
}

Result<SmtpReply> SmtpClient::greeting()
{
    auto r = readReply();
    if (!r)
        return r;
    if (r->code != 220)
        return refused(QStringLiteral("the connection"), *r);
    return r;
}

Result<SmtpReply> SmtpClient::ehlo(const QString& domain)
{
    m_extensions.clear();
    auto r = command("EHLO " + domain.toUtf8());
    if (!r)
        return r;
    if (r->code != 250)
        return refused(QStringLiteral("EHLO"), *r);
    for (qsizetype i = 1; i < r->lines.size(); ++i)
        m_extensions << r->lines[i].toUpper();
    return r;
}

bool SmtpClient::hasExtension(const QString& name) const
{
    const QString n = name.toUpper();
    for (const QString& e : m_extensions)
        if (e == n || e.startsWith(n + QLatin1Char(' ')))
            return true;
    return false;
}

Result<void> SmtpClient::startTls(const QString& domain)
{
    if (!hasExtension(QStringLiteral("STARTTLS")))
        return makeError(
            QStringLiteral("The SMTP server does not offer STARTTLS, though this account requires it: "
                           "refusing to continue (the connection may have been tampered with)."));
    auto r = command("STARTTLS");
    if (!r)
        return r.error();
    if (r->code != 220)
        return refused(QStringLiteral("STARTTLS"), *r);
    if (auto tls = m_t.startTls(); !tls)
        return tls;
    if (auto again = ehlo(domain); !again)
        return again.error();
    return {};
}

Result<void> SmtpClient::authenticate(const QString& user, const QString& password)
{
    if (!m_t.isEncrypted() && !m_t.isLoopback())
        return makeError(QStringLiteral("Refusing to send the password without TLS."));
    QStringList mechanisms;
    for (const QString& e : m_extensions)
        if (e.startsWith(QLatin1String("AUTH ")) || e.startsWith(QLatin1String("AUTH=")))
            mechanisms += e.mid(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (mechanisms.contains(QLatin1String("PLAIN"))) {
        const QByteArray token = (QByteArray(1, '\0') + user.toUtf8() + '\0' + password.toUtf8()).toBase64();
        auto r = command("AUTH PLAIN " + token);
        if (!r)
            return r.error();
        if (r->code != 235)
            return refused(QStringLiteral("the login"), *r);
        return {};
    }
    if (mechanisms.contains(QLatin1String("LOGIN"))) {
        auto r = command("AUTH LOGIN");
        for (const QByteArray& part : {user.toUtf8(), password.toUtf8()}) {
            if (!r)
                return r.error();
            if (r->code != 334)
                return refused(QStringLiteral("the login"), *r);
            r = command(part.toBase64());
        }
        if (!r)
            return r.error();
        if (r->code != 235)
            return refused(QStringLiteral("the login"), *r);
        return {};
    }
    return makeError(QStringLiteral("The SMTP server offers no login Casebook can use (PLAIN or LOGIN)."));
}

Result<void> SmtpClient::open(TlsMode mode, const QString& user, const QString& password)
{
    static const QString domain = QStringLiteral("casebook.localhost");
    if (auto g = greeting(); !g)
        return g.error();
    if (auto e = ehlo(domain); !e)
        return e.error();
    if (mode == TlsMode::StartTls)
        if (auto s = startTls(domain); !s)
            return s;
    // A server that offers no AUTH (a local relay) gets no credentials at all.
    const bool offersAuth = std::any_of(m_extensions.cbegin(), m_extensions.cend(), [](const QString& e) {
        return e.startsWith(QLatin1String("AUTH ")) || e.startsWith(QLatin1String("AUTH="));
    });
    if (user.isEmpty() || !offersAuth)
        return {};
    return authenticate(user, password);
}

QByteArray SmtpClient::dotStuffed(const QByteArray& data)
{
    QByteArray out;
    out.reserve(data.size() + data.size() / 40 + 8);
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray l = lines[i];
        if (i == lines.size() - 1 && l.isEmpty())
            break; // the text ended with a line break
        if (l.endsWith('\r'))
            l.chop(1);
        if (l.startsWith('.'))
            out += '.';
        out += l + "\r\n";
    }
    return out;
}

SmtpOutcome SmtpClient::send(const QString& from, const QStringList& to, const QByteArray& data)
{
    auto outcome = [](const Result<SmtpReply>& r, int want) -> std::optional<SmtpOutcome> {
        if (!r)
            return SmtpOutcome{SmtpOutcome::Kind::Temporary, r.error().message};
        if (r->code == want)
            return std::nullopt;
        const auto kind =
            r->code >= 400 && r->code < 500 ? SmtpOutcome::Kind::Temporary : SmtpOutcome::Kind::Permanent;
        return SmtpOutcome{kind, r->words()};
    };
    bool nonAscii = false;
    const QStringList addresses = QStringList(to) << from;
    for (const QString& a : addresses)
        for (QChar c : a)
            nonAscii |= c.unicode() > 0x7f;
    QByteArray mail = "MAIL FROM:<" + from.toUtf8() + ">";
    if (hasExtension(QStringLiteral("8BITMIME")))
        mail += " BODY=8BITMIME";
    if (nonAscii) {
        if (!hasExtension(QStringLiteral("SMTPUTF8")))
            return {
                SmtpOutcome::Kind::Permanent,
                QStringLiteral(
                    "An address has non-ASCII characters and the server does not take them (no SMTPUTF8).")};
        mail += " SMTPUTF8";
    }
    if (auto o = outcome(command(mail), 250))
        return *o;
    for (const QString& rcpt : to)
        if (auto o = outcome(command("RCPT TO:<" + rcpt.toUtf8() + ">"), 250))
            return *o;
    if (auto o = outcome(command("DATA"), 354))
        return *o;
    if (auto w = m_t.write(dotStuffed(data) + ".\r\n"); !w)
        return {SmtpOutcome::Kind::Temporary, w.error().message};
    auto r = readReply();
    if (auto o = outcome(r, 250))
        return *o;
    return {SmtpOutcome::Kind::Sent, r->words()};
}

void SmtpClient::quit()
{
    (void)command("QUIT");
}

Result<SmtpConnection> connectSmtp(const Endpoint& endpoint, const QString& user, const QString& password,
                                   QString* refusedCertSha256)
{
    auto transport = SocketTransport::connect(endpoint, refusedCertSha256);
    if (!transport)
        return transport.error();
    SocketTransport* socket = transport->get();
    SmtpConnection c;
    c.transport = std::move(transport.value());
    c.client = std::make_unique<SmtpClient>(*c.transport);
    if (auto opened = c.client->open(endpoint.tls, user, password); !opened) {
        if (refusedCertSha256 && !socket->refusedCertificateSha256().isEmpty())
            *refusedCertSha256 = socket->refusedCertificateSha256(); // refused at STARTTLS
        return opened.error();
    }
    return c;
}

} // namespace casebook::net
