#include "net/imap_uid_search.h"

#include <algorithm>

namespace casebook::net {

Result<QList<quint32>> ImapUidSearch::run(ImapWire& wire) const
{
    QList<quint32> uids;
    auto r = wire.run("UID SEARCH UID " + QByteArray::number(std::max<quint32>(m_fromUid, 1)) + ":*",
                      [&](const ImapResponse& u) {
                          if (!u.text.startsWith("* SEARCH"))
                              return;
                          for (const QByteArray& n : u.text.mid(8).split(' '))
                              if (const quint32 v = n.toUInt(); v >= m_fromUid && v > 0)
                                  uids << v;
                      });
    if (!r)
        return r.error();
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    return uids;
}

} // namespace casebook::net
