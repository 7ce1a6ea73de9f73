#pragma once

#include "model/result.h"
#include "sources/mail_source.h"
#include "store/database.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace casebook {

// The seller's own addresses: mail from them is the seller's reply, never a customer's question. Casebook
// learns them without being told on every import: from the setting `own_addresses` (CLI `settings set
// own_addresses`, the window's Settings), from the email accounts, and from the mailbox itself
// (Delivered-To / X-Original-To, the senders of a Sent folder, the address most messages are written to, and
// the addresses that only ever answer the shop's customers).
struct OwnAddress {
    QString address; // lower case; "@shop.example" stands for a whole domain
    QString why;     // where it was found, for the report: "setting", "account", "Sent folder", ...
};

class OwnAddressSet {
public:
    void add(const QString& address, const QString& why);
    void add(const OwnAddressSet& other);
    bool contains(const QString& address) const;
    QStringList addresses() const;
    const QList<OwnAddress>& entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }
    // "a@x (setting), b@y (Sent folder)"
    QString describe() const;

private:
    QList<OwnAddress> m_entries;
};

namespace own_addresses {

// The meta keys: what the seller set, and what imports found in mailboxes (kept apart so the seller's own
// list is never overwritten by a guess).
extern const QString kSettingKey;
extern const QString kFoundKey;

// "a@x, b@y; @shop.example" → the addresses, lower case; an error names a word that is no address.
Result<QStringList> parseList(const QString& text);

// The setting, the addresses imports found before, and the email accounts' addresses.
OwnAddressSet known(Database& db);

// Replaces the setting (an empty list clears it).
Result<void> saveSetting(Database& db, const QStringList& addresses);
// Adds addresses found in a mailbox to what later imports and rethread use.
Result<void> remember(Database& db, const OwnAddressSet& found);

// Whether a mail folder's name says it holds the seller's sent mail (".Sent", "Sent Items", "보낸편지함",
// and its IMAP spelling "&vPSwuNO4ycDVaA-").
bool isSentFolder(const QString& folder);

// What a look at a mailbox's headers says about whose mailbox it is.
class MailboxSurvey {
public:
    void look(const QByteArray& raw, bool inSentFolder);
    OwnAddressSet conclusions() const;
    int messages() const { return m_messages; }

private:
    void addAnswerers(OwnAddressSet& set) const;

    QHash<QString, int> m_sentFrom;
    QHash<QString, int> m_deliveredTo;
    QHash<QString, int> m_recipients;
    struct Sent {
        QString from;
        QStringList to; // To and Cc
    };
    QList<Sent> m_mail; // outside Sent folders: who wrote to whom, for the rule of who answers the customers
    int m_messages = 0; // outside Sent folders
};

// The addresses for an import: `given` (the --own of the CLI), those known, and what a survey of the
// mailbox (a second, fresh source over it) finds, which is remembered for later imports and rethread.
Result<OwnAddressSet> forImport(Database& db, const QStringList& given, MailSource& freshSource,
                                const QString& maildirRoot = {});

// Surveys the first `limit` messages of a fresh source (and, for a Maildir, its Sent folders).
OwnAddressSet survey(MailSource& freshSource, const QString& maildirRoot = {}, int limit = 1000);

} // namespace own_addresses
} // namespace casebook
