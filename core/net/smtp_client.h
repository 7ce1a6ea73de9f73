#pragma once

#include "net/smtp_mail_transaction.h"
#include "net/smtp_wire.h"
#include "net/tls_policy.h"

#include <QStringList>
#include <memory>

namespace casebook::net {

// SMTP (RFC 5321) in the order a send needs it; each step is its own small object over SmtpWire
// (smtp_greeting.h … smtp_quit.h). AUTH is refused before TLS unless the server is on loopback;
// extensions are asked again after STARTTLS.
class SmtpClient {
public:
    explicit SmtpClient(LineTransport& transport) : m_wire(transport) {}

    Result<SmtpReply> greeting();
    Result<SmtpReply> ehlo(const QString& domain);
    bool hasExtension(const QString& name) const { return m_wire.hasExtension(name); }
    Result<void> startTls(const QString& domain);
    Result<void> authenticate(const QString& user, const QString& password);
    // Greeting, EHLO, STARTTLS when `mode` asks (refused when not offered), AUTH when a user is given.
    Result<void> open(TlsMode mode, const QString& user, const QString& password);

    // One message to its recipients; `data` is the message as stored (any line ending), dot-stuffed here.
    SmtpOutcome send(const QString& from, const QStringList& to, const QByteArray& data);
    void quit();

    static QByteArray dotStuffed(const QByteArray& data) { return SmtpMailTransaction::dotStuffed(data); }

private:
    SmtpWire m_wire;
};

struct SmtpConnection {
    std::unique_ptr<LineTransport> transport;
    std::unique_ptr<SmtpClient> client;
};
Result<SmtpConnection> connectSmtp(const Endpoint& endpoint, const QString& user, const QString& password,
                                   QString* refusedCertSha256 = nullptr);

} // namespace casebook::net
