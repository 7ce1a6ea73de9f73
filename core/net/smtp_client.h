#pragma once

#include "net/line_transport.h"
#include "net/tls_policy.h"

#include <QStringList>
#include <memory>

namespace casebook::net {

struct SmtpReply {
    int code = 0;
    QStringList lines;
    QString words() const { return QString::number(code) + QLatin1Char(' ') + lines.join(QLatin1Char(' ')); }
};

// What one send came to: the server took it, refused for now (4xx, a dropped connection: try again later),
// or refused for good (5xx).
struct SmtpOutcome {
    enum class Kind { Sent, Temporary, Permanent } kind = Kind::Sent;
    QString words; // the server's own words
};

// SMTP (RFC 5321) steps: EHLO, STARTTLS, AUTH PLAIN/LOGIN, MAIL/RCPT/DATA. AUTH is refused before TLS
// unless the server is on loopback; capabilities are asked again after STARTTLS.
class SmtpClient {
public:
    explicit SmtpClient(LineTransport& transport) : m_t(transport) {}

    Result<SmtpReply> greeting();
    Result<SmtpReply> ehlo(const QString& domain);
    bool hasExtension(const QString& name) const;
    Result<void> startTls(const QString& domain);
    Result<void> authenticate(const QString& user, const QString& password);
    // Greeting, EHLO, STARTTLS when `mode` asks (refused when not offered), AUTH when a user is given.
    Result<void> open(TlsMode mode, const QString& user, const QString& password);

    // One message to its recipients; `data` is the message as stored (any line ending), dot-stuffed here.
    SmtpOutcome send(const QString& from, const QStringList& to, const QByteArray& data);
    void quit();

    // CRLF line endings, a leading "." doubled, ending in CRLF.
    static QByteArray dotStuffed(const QByteArray& data);

private:
    Result<SmtpReply> command(const QByteArray& line);
    Result<SmtpReply> readReply();

    LineTransport& m_t;
    QStringList m_extensions;
};

struct SmtpConnection {
    std::unique_ptr<LineTransport> transport;
    std::unique_ptr<SmtpClient> client;
};
Result<SmtpConnection> connectSmtp(const Endpoint& endpoint, const QString& user, const QString& password,
                                   QString* refusedCertSha256 = nullptr);

} // namespace casebook::net
