#pragma once

#include "net/imap_wire.h"

namespace casebook::net {

// One message as fetched: its UID and its bytes as the server holds them.
struct FetchedMessage {
    quint32 uid = 0;
    QByteArray raw;
};

// UID FETCH set (UID BODY.PEEK[]) for one batch: PEEK so nothing is marked \Seen. Flag updates arriving
// in passing are ignored; the messages come back by ascending UID.
class ImapUidFetch {
public:
    explicit ImapUidFetch(QList<quint32> uids) : m_uids(std::move(uids)) {}
    Result<QList<FetchedMessage>> run(ImapWire& wire) const;

private:
    QList<quint32> m_uids;
};

} // namespace casebook::net
