#pragma once

#include "net/imap_wire.h"

namespace casebook::net {

// UID SEARCH UID from:* — the UIDs of the open mailbox from `fromUid` on, ascending. "n:*" always matches
// the last message even below n (RFC 3501 6.4.8), so UIDs under `fromUid` are dropped.
class ImapUidSearch {
public:
    explicit ImapUidSearch(quint32 fromUid) : m_fromUid(fromUid) {}
    Result<QList<quint32>> run(ImapWire& wire) const;

private:
    quint32 m_fromUid;
};

} // namespace casebook::net
