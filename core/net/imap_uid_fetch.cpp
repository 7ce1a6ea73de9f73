#include "net/imap_uid_fetch.h"

#include <QRegularExpression>
#include <algorithm>

namespace casebook::net {

Result<QList<FetchedMessage>> ImapUidFetch::run(ImapWire& wire) const
{
    static const QRegularExpression uidRe(QStringLiteral("UID (\\d+)"));
    QList<FetchedMessage> out;
    if (m_uids.isEmpty())
        return out;
    auto r =
        wire.run("UID FETCH " + ImapWire::uidSet(m_uids) + " (UID BODY.PEEK[])", [&](const ImapResponse& u) {
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

} // namespace casebook::net
