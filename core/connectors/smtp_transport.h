#pragma once

#include "compose/outbox_item.h"
#include "connectors/email_settings.h"

namespace casebook {

// Sends outbox items of one email account over SMTP, one connection per item. A 4xx or a dropped
// connection is a retry; a 5xx, a refused certificate or a refused login needs the seller (failed). The
// item's stored bytes are sent as they are, so the sent copy in the ticket is exactly what left.
class SmtpTransport final : public OutboxTransport {
public:
    SmtpTransport(EmailSettings settings, QString secret);
    SendOutcome send(const OutboxItem& item) override;

private:
    EmailSettings m_settings;
    QString m_secret;
};

} // namespace casebook
