#pragma once

#include "net/smtp_wire.h"

namespace casebook::net {

// What one send came to: the server took it, refused for now (4xx, a dropped connection: try again later),
// or refused for good (5xx).
struct SmtpOutcome {
    enum class Kind { Sent, Temporary, Permanent } kind = Kind::Sent;
    QString words; // the server's own words
};

// MAIL FROM (with BODY=8BITMIME and SMTPUTF8 when offered and needed), RCPT TO for each recipient, DATA
// and the dot-stuffed message.
class SmtpMailTransaction {
public:
    SmtpMailTransaction(QString from, QStringList to, QByteArray data)
        : m_from(std::move(from)), m_to(std::move(to)), m_data(std::move(data))
    {
    }
    SmtpOutcome run(SmtpWire& wire) const;

    // CRLF line endings, a leading "." doubled, ending in CRLF.
    static QByteArray dotStuffed(const QByteArray& data);

private:
    QString m_from;
    QStringList m_to;
    QByteArray m_data;
};

} // namespace casebook::net
