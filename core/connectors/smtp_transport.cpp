#include "connectors/smtp_transport.h"

#include "net/smtp_client.h"
#include "net/socket_transport.h"

#include <QJsonArray>

namespace casebook {

SmtpTransport::SmtpTransport(EmailSettings settings, QString secret)
    : m_settings(std::move(settings)), m_secret(std::move(secret))
{
}

SendOutcome SmtpTransport::send(const OutboxItem& item)
{
    QStringList to;
    const QJsonValue t = item.target.value(QStringLiteral("to"));
    for (const QJsonValue& v : t.toArray())
        to << v.toString();
    if (t.isString())
        to << t.toString();
    if (to.isEmpty())
        return SendOutcome::failed(QStringLiteral("The reply has no recipient."));
    if (item.raw.isEmpty())
        return SendOutcome::failed(QStringLiteral("The reply has no message to send."));

    QString refusedCert;
    auto transport = net::SocketTransport::connect(m_settings.smtp, &refusedCert);
    if (!transport) {
        // A certificate refused or a policy broken will not heal by waiting; a network hiccup may.
        if (!refusedCert.isEmpty() || !net::checkPolicy(m_settings.smtp))
            return SendOutcome::failed(transport.error().message);
        return SendOutcome::retry(transport.error().message);
    }
    net::SmtpClient client(**transport);
    if (auto opened = client.open(m_settings.smtp.tls, m_settings.user, m_secret); !opened)
        return SendOutcome::failed(opened.error().message);
    const net::SmtpOutcome o = client.send(m_settings.address, to, item.raw);
    client.quit();
    switch (o.kind) {
    case net::SmtpOutcome::Kind::Sent:
        return SendOutcome::sent(o.words);
    case net::SmtpOutcome::Kind::Temporary:
        return SendOutcome::retry(o.words);
    case net::SmtpOutcome::Kind::Permanent:
        return SendOutcome::failed(o.words);
    }
    return SendOutcome::retry(o.words);
}

} // namespace casebook
