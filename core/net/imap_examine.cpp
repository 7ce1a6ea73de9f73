#include "net/imap_examine.h"

#include <QRegularExpression>

namespace casebook::net {

Result<MailboxStatus> ImapExamine::run(ImapWire& wire) const
{
    static const QRegularExpression validity(QStringLiteral("\\[UIDVALIDITY (\\d+)\\]"));
    static const QRegularExpression next(QStringLiteral("\\[UIDNEXT (\\d+)\\]"));
    static const QRegularExpression exists(QStringLiteral("^\\* (\\d+) EXISTS"));
    MailboxStatus st;
    auto r = wire.run("EXAMINE " + ImapWire::mailboxName(m_folder), [&](const ImapResponse& u) {
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
            QStringLiteral("Could not open the folder \"%1\": %2").arg(m_folder, r.error().message));
    if (st.uidValidity == 0)
        return makeError(QStringLiteral("The IMAP server gave no UIDVALIDITY for \"%1\".").arg(m_folder));
    return st;
}

} // namespace casebook::net
