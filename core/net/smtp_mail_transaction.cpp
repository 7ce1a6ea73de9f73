#include "net/smtp_mail_transaction.h"

#include <optional>

namespace casebook::net {

QByteArray SmtpMailTransaction::dotStuffed(const QByteArray& data)
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

SmtpOutcome SmtpMailTransaction::run(SmtpWire& wire) const
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
    const QStringList addresses = QStringList(m_to) << m_from;
    for (const QString& a : addresses)
        for (QChar c : a)
            nonAscii |= c.unicode() > 0x7f;
    QByteArray mail = "MAIL FROM:<" + m_from.toUtf8() + ">";
    if (wire.hasExtension(QStringLiteral("8BITMIME")))
        mail += " BODY=8BITMIME";
    if (nonAscii) {
        if (!wire.hasExtension(QStringLiteral("SMTPUTF8")))
            return {
                SmtpOutcome::Kind::Permanent,
                QStringLiteral(
                    "An address has non-ASCII characters and the server does not take them (no SMTPUTF8).")};
        mail += " SMTPUTF8";
    }
    if (auto o = outcome(wire.command(mail), 250))
        return *o;
    for (const QString& rcpt : m_to)
        if (auto o = outcome(wire.command("RCPT TO:<" + rcpt.toUtf8() + ">"), 250))
            return *o;
    if (auto o = outcome(wire.command("DATA"), 354))
        return *o;
    if (auto w = wire.transport().write(dotStuffed(m_data) + ".\r\n"); !w)
        return {SmtpOutcome::Kind::Temporary, w.error().message};
    auto r = wire.readReply();
    if (auto o = outcome(r, 250))
        return *o;
    return {SmtpOutcome::Kind::Sent, r->words()};
}

} // namespace casebook::net
