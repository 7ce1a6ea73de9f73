#pragma once

#include "net/line_transport.h"

#include <QStringList>

namespace casebook::net {

struct SmtpReply {
    int code = 0;
    QStringList lines;
    QString words() const { return QString::number(code) + QLatin1Char(' ') + lines.join(QLatin1Char(' ')); }
};

// What the SMTP steps share on one connection: the transport and the extensions of the last EHLO. A step
// writes its command lines through here, so a test can run one over a scripted transport and assert the
// exact bytes.
class SmtpWire {
public:
    explicit SmtpWire(LineTransport& transport) : m_t(transport) {}

    LineTransport& transport() { return m_t; }
    // One reply, its continuation lines ("250-…") gathered.
    Result<SmtpReply> readReply();
    // Writes `line` CRLF and reads the reply.
    Result<SmtpReply> command(const QByteArray& line);

    // "8BITMIME", "AUTH" (matches "AUTH PLAIN LOGIN"): whether the last EHLO offered it.
    bool hasExtension(const QString& name) const;
    void setExtensions(QStringList extensions) { m_extensions = std::move(extensions); }
    // The mechanisms of "AUTH …" / "AUTH=…" lines.
    QStringList authMechanisms() const;

    static Error refused(const QString& doing, const SmtpReply& r);

private:
    LineTransport& m_t;
    QStringList m_extensions;
};

} // namespace casebook::net
