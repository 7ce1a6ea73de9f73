#include "inbox/own_addresses.h"

#include "accounts/account_store.h"
#include "sources/maildir_source.h"
#include "store/app_settings.h"

#include <QDir>
#include <QSet>
#include <algorithm>
#include <QRegularExpression>

namespace casebook {

void OwnAddressSet::add(const QString& address, const QString& why)
{
    const QString a = address.trimmed().toLower();
    if (a.isEmpty() || contains(a))
        return;
    m_entries.push_back({a, why});
}

void OwnAddressSet::add(const OwnAddressSet& other)
{
    for (const OwnAddress& e : other.m_entries)
        add(e.address, e.why);
}

bool OwnAddressSet::contains(const QString& address) const
{
    for (const OwnAddress& e : m_entries)
        if (e.address == address)
            return true;
    return false;
}

QStringList OwnAddressSet::addresses() const
{
    QStringList out;
    for (const OwnAddress& e : m_entries)
        out << e.address;
    return out;
}

QString OwnAddressSet::describe() const
{
    QStringList parts;
    for (const OwnAddress& e : m_entries)
        parts << QStringLiteral("%1 (%2)").arg(e.address, e.why);
    return parts.join(QStringLiteral(", "));
}

namespace own_addresses {

const QString kSettingKey = QStringLiteral("own_addresses");
const QString kFoundKey = QStringLiteral("own_addresses.found");

namespace {

const QRegularExpression& addressPattern()
{
    static const QRegularExpression re(QStringLiteral("[A-Za-z0-9._%+'=-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"));
    return re;
}

QStringList addressesIn(const QString& text)
{
    QStringList out;
    for (auto it = addressPattern().globalMatch(text); it.hasNext();)
        out << it.next().captured(0).toLower();
    return out;
}

// The headers of a message, unfolded, by lower-case name; only the block before the first empty line.
QHash<QByteArray, QString> headers(const QByteArray& raw)
{
    QHash<QByteArray, QString> out;
    qsizetype end = raw.indexOf("\n\n");
    const qsizetype crlf = raw.indexOf("\r\n\r\n");
    if (crlf >= 0 && (end < 0 || crlf < end))
        end = crlf;
    const QByteArray block = raw.left(end < 0 ? std::min<qsizetype>(raw.size(), 64 * 1024) : end);
    QByteArray name;
    for (QByteArray line : block.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty() && (line[0] == ' ' || line[0] == '\t')) {
            if (!name.isEmpty())
                out[name] += QLatin1Char(' ') + QString::fromUtf8(line.trimmed());
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            name.clear();
            continue;
        }
        name = line.left(colon).trimmed().toLower();
        const QString value = QString::fromUtf8(line.mid(colon + 1).trimmed());
        out[name] = out.contains(name) ? out[name] + QStringLiteral(", ") + value : value;
    }
    return out;
}

QString top(const QHash<QString, int>& counts, int* n)
{
    QString best;
    *n = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > *n || (it.value() == *n && it.key() < best)) {
            best = it.key();
            *n = it.value();
        }
    return best;
}

} // namespace

Result<QStringList> parseList(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    static const QRegularExpression domain(QStringLiteral("^@[a-z0-9.-]+\\.[a-z]{2,}$"));
    QStringList out;
    for (const QString& word : text.split(separators, Qt::SkipEmptyParts)) {
        const QString a = word.trimmed().toLower();
        const bool ok = a.startsWith(QLatin1Char('@'))
                            ? domain.match(a).hasMatch()
                            : addressPattern().match(a).capturedLength() == a.size();
        if (!ok)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("\"%1\" is no email address (name@shop.example, or @shop.example "
                                            "for a whole domain).")
                                 .arg(word));
        if (!out.contains(a))
            out << a;
    }
    return out;
}

OwnAddressSet known(Database& db)
{
    OwnAddressSet set;
    SQLite::Database& r = db.reader();
    if (auto listed = parseList(AppSettings::value(r, kSettingKey)))
        for (const QString& a : listed.value())
            set.add(a, QStringLiteral("setting"));
    if (auto accounts = AccountStore(db).list())
        for (const Account& account : accounts.value())
            if (account.kind == AccountKind::Email)
                set.add(account.setting(QStringLiteral("address")), QStringLiteral("account %1").arg(account.name));
    // Found in a mailbox by an earlier import: "address=why" per line.
    for (const QString& line : AppSettings::value(r, kFoundKey).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        set.add(line.left(eq), eq > 0 ? line.mid(eq + 1) : QStringLiteral("found"));
    }
    return set;
}

Result<void> saveSetting(Database& db, const QStringList& addresses)
{
    return db.write([&](SQLite::Database& w) -> Result<void> {
        AppSettings::setValue(w, kSettingKey, addresses.join(QStringLiteral(", ")));
        return {};
    });
}

Result<void> remember(Database& db, const OwnAddressSet& found)
{
    if (found.isEmpty())
        return {};
    return db.write([&](SQLite::Database& w) -> Result<void> {
        QStringList lines = AppSettings::value(w, kFoundKey).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const OwnAddress& e : found.entries()) {
            const QString prefix = e.address + QLatin1Char('=');
            if (std::none_of(lines.cbegin(), lines.cend(), [&](const QString& l) { return l.startsWith(prefix); }))
                lines << prefix + e.why;
        }
        AppSettings::setValue(w, kFoundKey, lines.join(QLatin1Char('\n')));
        return {};
    });
}

bool isSentFolder(const QString& folder)
{
    // Maildir++ nests with dots (".INBOX.Sent"); other trees with slashes: the last part names the folder.
    QString name = folder.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), -1).trimmed();
    if (name.isEmpty())
        name = folder.section(QLatin1Char('/'), -1).trimmed();
    static const QStringList sent = {QStringLiteral("sent"),          QStringLiteral("sent items"),
                                     QStringLiteral("sent messages"), QStringLiteral("sent mail"),
                                     QStringLiteral("보낸편지함"),    QStringLiteral("보낸 편지함"),
                                     QStringLiteral("보낸메일함"),    QStringLiteral("&vpswuno4ycdvaa-")};
    return sent.contains(name.toLower());
}

void MailboxSurvey::look(const QByteArray& raw, bool inSentFolder)
{
    const QHash<QByteArray, QString> h = headers(raw);
    if (inSentFolder) {
        for (const QString& a : addressesIn(h.value("from")).mid(0, 1))
            ++m_sentFrom[a];
        return;
    }
    ++m_messages;
    QStringList delivered = addressesIn(h.value("delivered-to")) + addressesIn(h.value("x-original-to"));
    delivered.removeDuplicates();
    for (const QString& a : delivered)
        ++m_deliveredTo[a];
    QStringList recipients = addressesIn(h.value("to")) + addressesIn(h.value("cc"));
    recipients.removeDuplicates();
    for (const QString& a : recipients)
        ++m_recipients[a];
    m_mail.push_back({addressesIn(h.value("from")).value(0), recipients});
}

namespace {

QString domainOf(const QString& address)
{
    return address.mid(address.indexOf(QLatin1Char('@')));
}

// The seller's staff answer from addresses of their own (jiwoo@support.shop.example) that the survey's other
// rules miss: nobody writes to them, no Delivered-To names them. What gives them away is whom they write to:
// the shop's customers (those who wrote to a shop address), never the shop. An address whose every message
// (two at least) goes to a customer and none to the shop is the seller's; a domain where three such
// addresses answer and no customer writes from is the seller's whole domain. Customers are never concluded:
// they write to the shop.
} // namespace

void MailboxSurvey::addAnswerers(OwnAddressSet& set) const
{
    const auto isShop = [&](const QString& a) {
        return set.contains(a) || (a.contains(QLatin1Char('@')) && set.contains(domainOf(a)));
    };
    QSet<QString> customers;
    QSet<QString> customerDomains;
    for (const auto& [from, to] : m_mail)
        if (!from.isEmpty() && !isShop(from) && std::any_of(to.cbegin(), to.cend(), isShop)) {
            customers.insert(from);
            customerDomains.insert(domainOf(from));
        }
    if (customers.isEmpty())
        return;
    struct Tally {
        int toCustomer = 0;
        int other = 0;
    };
    QHash<QString, Tally> senders;
    for (const auto& [from, to] : m_mail) {
        if (from.isEmpty() || isShop(from) || customers.contains(from))
            continue;
        Tally& t = senders[from];
        if (!to.isEmpty() && std::all_of(to.cbegin(), to.cend(), [&](const QString& a) { return customers.contains(a); }))
            ++t.toCustomer;
        else
            ++t.other;
    }
    QHash<QString, int> answerersIn; // domain -> addresses in it that only ever answer customers
    QStringList answerers;
    for (auto it = senders.cbegin(); it != senders.cend(); ++it) {
        if (it.value().other > 0 || it.value().toCustomer == 0)
            continue;
        ++answerersIn[domainOf(it.key())];
        if (it.value().toCustomer >= 2)
            answerers << it.key();
    }
    for (auto it = answerersIn.cbegin(); it != answerersIn.cend(); ++it)
        if (it.value() >= 3 && !customerDomains.contains(it.key()))
            set.add(it.key(), QStringLiteral("its addresses answer the shop's customers"));
    answerers.sort();
    for (const QString& a : answerers)
        if (!set.contains(domainOf(a)))
            set.add(a, QStringLiteral("answers the shop's customers"));
}

OwnAddressSet MailboxSurvey::conclusions() const
{
    OwnAddressSet set;
    // Whoever sends from the Sent folder is the seller; every address a delivery was made to is theirs.
    for (auto it = m_sentFrom.cbegin(); it != m_sentFrom.cend(); ++it)
        set.add(it.key(), QStringLiteral("Sent folder"));
    for (auto it = m_deliveredTo.cbegin(); it != m_deliveredTo.cend(); ++it)
        set.add(it.key(), QStringLiteral("Delivered-To"));
    // Without those, the address at least half the mail is written to (and three messages at least: one
    // customer's thread says nothing) is the shop's.
    int n = 0;
    const QString most = top(m_recipients, &n);
    if (n >= 3 && n * 2 >= m_messages)
        set.add(most, QStringLiteral("most mail is written to it"));
    if (!set.isEmpty())
        addAnswerers(set);
    return set;
}

OwnAddressSet survey(MailSource& freshSource, const QString& maildirRoot, int limit)
{
    MailboxSurvey s;
    for (int i = 0; i < limit; ++i) {
        auto item = freshSource.next();
        if (!item || !item->has_value())
            break;
        s.look((*item)->raw, isSentFolder((*item)->folder));
    }
    // A Maildir's Sent folder sorts anywhere among its folders: read it on its own.
    if (!maildirRoot.isEmpty()) {
        const QDir root(maildirRoot);
        for (const QString& name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
            if (!isSentFolder(name))
                continue;
            MaildirSource sent(root.filePath(name));
            if (!sent.open())
                continue;
            for (int i = 0; i < limit / 4; ++i) {
                auto item = sent.next();
                if (!item || !item->has_value())
                    break;
                s.look((*item)->raw, true);
            }
        }
    }
    return s.conclusions();
}

Result<OwnAddressSet> forImport(Database& db, const QStringList& given, MailSource& freshSource,
                                const QString& maildirRoot)
{
    OwnAddressSet own;
    auto listed = parseList(given.join(QLatin1Char(',')));
    if (!listed)
        return listed.error();
    for (const QString& a : listed.value())
        own.add(a, QStringLiteral("--own"));
    own.add(known(db));
    OwnAddressSet found;
    const OwnAddressSet surveyed = survey(freshSource, maildirRoot); // held: entries() is a reference into it
    for (const OwnAddress& e : surveyed.entries())
        if (!own.contains(e.address))
            found.add(e.address, e.why);
    if (auto kept = remember(db, found); !kept)
        return kept.error();
    own.add(found);
    return own;
}

} // namespace own_addresses
} // namespace casebook
