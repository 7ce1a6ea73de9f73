#pragma once

#include "net/imap_wire.h"

namespace casebook::net {

// The state of a mailbox after EXAMINE opens it read-only (SELECT would let the server set \Seen).
struct MailboxStatus {
    quint32 uidValidity = 0;
    quint32 uidNext = 0;
    quint32 exists = 0;
};

// EXAMINE folder: opens it read-only and reads UIDVALIDITY, UIDNEXT and EXISTS from the answer.
class ImapExamine {
public:
    explicit ImapExamine(QString folder) : m_folder(std::move(folder)) {}
    Result<MailboxStatus> run(ImapWire& wire) const;

private:
    QString m_folder;
};

} // namespace casebook::net
