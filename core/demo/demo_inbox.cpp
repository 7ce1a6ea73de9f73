#include "demo/demo_inbox.h"

#include "demo/demo_dates.h"
#include "evidence/evidence_locker.h"
#include "inbox/ingestor.h"
#include "mail/mime_parser.h"
#include "sources/marketplace_items.h"
#include "sources/order_sheets.h"
#include "store/order_cache.h"
#include "store/ticket_lookup.h"
#include "store/ticket_queries.h"
#include "store/ticket_writes.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace casebook {
namespace {

constexpr int kLoaderVersion = 4; // 2: split encoded words join, forwarded mail is read; 3: dates in words
                                  // move; 4: orders as the markets answered them, in the order cache
constexpr qint64 kMaxAgeSecs = 24 * 3600;

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList filesUnder(const QString& dir, const QStringList& filters = {})
{
    QStringList out;
    QDirIterator it(dir, filters, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

using BatchParser = MarketplaceBatch (*)(const QByteArray&, const QString&);

BatchParser parserFor(const QString& kind)
{
    if (kind == QLatin1String("coupang_online"))
        return parseCoupangOnlineInquiries;
    if (kind == QLatin1String("coupang_callcenter"))
        return parseCoupangCallCenterInquiries;
    if (kind == QLatin1String("naver_qna"))
        return parseNaverQnas;
    if (kind == QLatin1String("naver_inquiry"))
        return parseNaverInquiries;
    return nullptr;
}

struct Loader {
    Database& db;
    QString root;
    Ingestor ingestor;
    qint64 shiftSecs = 0;
    QDateTime reference;
    DemoLoadReport report;

    // The shop's own calendar (Korea, UTC+9) decides what day a moment falls on.
    static QDate shopDay(const QDateTime& t) { return t.toOffsetFromUtc(9 * 3600).date(); }

    // Moves the message and the dates its words mention by the same days: its header and its body agree.
    void replay(InboundMessage& m)
    {
        const QDate written = shopDay(m.date);
        m.date = m.date.addSecs(shiftSecs);
        const int days = int(written.daysTo(shopDay(m.date)));
        m.subject = demo_dates::shift(m.subject, written, days);
        m.text = demo_dates::shift(m.text, written, days);
        m.html = demo_dates::shift(m.html, written, days);
    }

    // The seller's own notes in demo.json were written on the reference day.
    QString replayed(const QString& text) const
    {
        if (!reference.isValid())
            return text;
        const QDate written = shopDay(reference);
        return demo_dates::shift(text, written, int(written.daysTo(shopDay(reference.addSecs(shiftSecs)))));
    }

    void count(const Result<IngestOutcome>& r, const QString& what)
    {
        if (!r) {
            report.problems << QStringLiteral("%1: %2").arg(what, r.error().message);
            return;
        }
        if (r->kind == IngestOutcome::Kind::Imported)
            ++report.messages;
        else if (r->kind == IngestOutcome::Kind::Quarantined)
            ++report.quarantined;
    }

    void loadEmail(const QString& dir)
    {
        for (const QString& file : filesUnder(dir, {QStringLiteral("*.eml")})) {
            const QByteArray raw = readAll(file);
            const QString ref = QDir(root).relativeFilePath(file);
            auto parsed = parseMessage(raw);
            if (!parsed) {
                count(ingestor.ingestMail(raw, QStringLiteral("demo"), ref), ref);
                continue;
            }
            parsed->source = QStringLiteral("demo");
            parsed->sourceRef = ref;
            replay(parsed.value());
            count(ingestor.ingest(std::move(parsed.value())), ref);
        }
    }

    void loadMarketplace(BatchParser parse, const QString& file)
    {
        const QString ref = QDir(root).relativeFilePath(file);
        MarketplaceBatch batch = parse(readAll(file), QStringLiteral("demo"));
        for (const QString& p : batch.problems)
            report.problems << QStringLiteral("%1: %2").arg(ref, p);
        for (InboundMessage& m : batch.messages) {
            replay(m);
            count(ingestor.ingest(std::move(m)), ref);
        }
    }

    // An order as the market's order API answered it (order_sheets.h parses it, as a fetch does), its dates
    // moved with the messages', kept in the order cache as if fetched at the reference time: the order panel
    // and `order --cached` show it with no account to ask.
    void loadOrder(const QJsonObject& entry)
    {
        const QString kind = entry.value(QStringLiteral("kind")).toString();
        const QString ref = entry.value(QStringLiteral("path")).toString();
        const QByteArray json = readAll(root + QLatin1Char('/') + ref);
        Result<Order> order =
            makeError(ErrorCode::InvalidInput, QStringLiteral("demo.json: unknown order kind %1").arg(kind));
        if (kind == QLatin1String("coupang_ordersheets"))
            order = parseCoupangOrderSheet(json);
        else if (kind == QLatin1String("naver_product_orders"))
            order = parseNaverProductOrders(json);
        if (!order) {
            report.problems << QStringLiteral("%1: %2").arg(ref, order.error().message);
            return;
        }
        for (const QJsonValue& c : entry.value(QStringLiteral("returns")).toArray()) {
            auto page = parseCoupangReturnRequests(readAll(root + QLatin1Char('/') + c.toString()));
            if (page)
                order->claims += page->claims;
            else
                report.problems << QStringLiteral("%1: %2").arg(c.toString(), page.error().message);
        }
        const auto moved = [this](QDateTime& t) {
            if (t.isValid())
                t = t.addSecs(shiftSecs);
        };
        moved(order->orderedAt);
        moved(order->shippedAt);
        moved(order->deliveredAt);
        for (OrderClaim& claim : order->claims)
            moved(claim.requestedAt);
        order->fetchedAt = reference.isValid() ? reference.addSecs(shiftSecs) : db.clock().now();
        auto written = db.write([&](SQLite::Database& w) -> Result<void> {
            order_cache::store(w, order->orderId, order.value());
            return {};
        });
        if (!written)
            report.problems << QStringLiteral("%1: %2").arg(ref, written.error().message);
        else
            ++report.orders;
    }

    void applyTicket(const QJsonObject& entry)
    {
        const QString key = entry.value(QStringLiteral("match")).toString();
        QString id = key;
        if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
            id = id.mid(1, id.size() - 2);
        const auto ticket = ticket_queries::ticketOfExternalId(db.reader(), id);
        if (!ticket) {
            report.problems << QStringLiteral("demo.json: no ticket holds %1").arg(key);
            return;
        }
        auto written = db.write([&](SQLite::Database& w) -> Result<void> {
            if (auto s = ticketStatusFromString(entry.value(QStringLiteral("status")).toString()))
                ticket_writes::setStatus(w, *ticket, *s);
            ticket_writes::setPriority(w, *ticket, entry.value(QStringLiteral("priority")).toInt());
            if (auto c = categoryFromString(entry.value(QStringLiteral("category")).toString()))
                ticket_writes::setCategory(w, *ticket, *c);
            ticket_writes::setSummary(w, *ticket,
                                      replayed(entry.value(QStringLiteral("summary")).toString()));
            const QJsonArray flags = entry.value(QStringLiteral("customer_flags")).toArray();
            if (!flags.isEmpty())
                if (auto customer = ticket_lookup::customerOfTicket(w, *ticket))
                    ticket_writes::setCustomerFlags(w, *customer, flags.contains(QStringLiteral("abusive")),
                                                    flags.contains(QStringLiteral("vip")));
            return {};
        });
        if (!written)
            report.problems << written.error().message;
        EvidenceLocker locker(db);
        for (const QJsonValue& ev : entry.value(QStringLiteral("evidence")).toArray()) {
            const QJsonObject e = ev.toObject();
            auto added = locker.add({*ticket,
                                     root + QLatin1Char('/') + e.value(QStringLiteral("file")).toString(),
                                     {},
                                     e.value(QStringLiteral("note")).toString(),
                                     QStringLiteral("demo")});
            if (added)
                ++report.evidence;
            else
                report.problems << added.error().message;
        }
    }
};

} // namespace

QString DemoInbox::resourceRoot()
{
    return QStringLiteral(":/demo");
}

QString DemoInbox::fingerprint(const QString& root)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::number(kLoaderVersion));
    for (const QString& file : filesUnder(root)) {
        hash.addData(QDir(root).relativeFilePath(file).toUtf8());
        hash.addData(readAll(file));
    }
    return QString::fromLatin1(hash.result().toHex());
}

Result<DemoLoadReport> DemoInbox::load(Database& db, const QString& root)
{
    const QByteArray manifestBytes = readAll(root + QStringLiteral("/demo.json"));
    QJsonParseError err{};
    const QJsonObject manifest = QJsonDocument::fromJson(manifestBytes, &err).object();
    if (err.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("The demo manifest %1/demo.json could not be read: %2")
                             .arg(root, err.errorString()));

    IngestOptions options;
    for (const QJsonValue& a :
         manifest.value(QStringLiteral("seller")).toObject().value(QStringLiteral("addresses")).toArray())
        options.ownAddresses << a.toString();
    Loader loader{db, root, Ingestor(db, options)};
    const QDateTime reference =
        QDateTime::fromString(manifest.value(QStringLiteral("reference_time")).toString(), Qt::ISODate);
    if (reference.isValid()) {
        loader.shiftSecs = reference.secsTo(db.clock().now());
        loader.reference = reference;
    }

    for (const QJsonValue& v : manifest.value(QStringLiteral("sources")).toArray()) {
        const QJsonObject source = v.toObject();
        const QString kind = source.value(QStringLiteral("kind")).toString();
        const QString path = root + QLatin1Char('/') + source.value(QStringLiteral("path")).toString();
        if (kind == QLatin1String("eml"))
            loader.loadEmail(path);
        else if (BatchParser parse = parserFor(kind))
            loader.loadMarketplace(parse, path);
        else
            loader.report.problems << QStringLiteral("demo.json: unknown source kind %1").arg(kind);
    }
    for (const QJsonValue& t : manifest.value(QStringLiteral("tickets")).toArray())
        loader.applyTicket(t.toObject());
    for (const QJsonValue& o : manifest.value(QStringLiteral("orders")).toArray())
        loader.loadOrder(o.toObject());
    loader.report.tickets = static_cast<int>(ticket_queries::stats(db.reader()).tickets);
    return loader.report;
}

QString DemoInbox::databasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/demo/current/casebook-demo.sqlite");
}

namespace {

QString metaValue(SQLite::Database& db, const char* key)
{
    SQLite::Statement st(db, "SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    return st.executeStep() ? QString::fromStdString(st.getColumn(0).getString()) : QString();
}

bool isCurrent(const QString& path, const Clock& clock, const QString& fingerprint)
{
    if (!QFile::exists(path))
        return false;
    auto db = Database::open(path, clock);
    if (!db)
        return false;
    const QDateTime built = QDateTime::fromString(metaValue((*db)->reader(), "demo_built_at"), Qt::ISODate);
    return metaValue((*db)->reader(), "demo_fingerprint") == fingerprint && built.isValid() &&
           built.secsTo(clock.now()) < kMaxAgeSecs;
}

} // namespace

Result<QString> DemoInbox::ensureDatabase(const Clock& clock, const QString& root)
{
    const QString path = databasePath();
    const QString wanted = fingerprint(root);
    if (isCurrent(path, clock, wanted))
        return path;

    // Build in a folder of its own and swap folders, so a failed build never leaves half a demo.
    const QFileInfo info(path);
    QDir building(info.absolutePath() + QStringLiteral("/../building"));
    building.removeRecursively();
    const QString buildPath = building.absolutePath() + QLatin1Char('/') + info.fileName();
    {
        auto db = Database::open(buildPath, clock, {.quickCheck = false});
        if (!db)
            return db.error();
        auto report = load(**db, root);
        if (!report)
            return report.error();
        auto stamped = (*db)->write([&](SQLite::Database& w) -> Result<void> {
            SQLite::Statement st(w, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?), (?, ?)");
            st.bind(1, "demo_fingerprint");
            st.bind(2, wanted.toStdString());
            st.bind(3, "demo_built_at");
            st.bind(4, clock.now().toUTC().toString(Qt::ISODate).toStdString());
            st.exec();
            return {};
        });
        if (!stamped)
            return stamped.error();
    }
    QDir(info.absolutePath()).removeRecursively();
    if (!QDir().rename(building.absolutePath(), info.absolutePath()))
        return makeError(QStringLiteral("Could not put the demo database in place at %1.").arg(path));
    return path;
}

Result<QString> chooseDatabasePath(const QString& dbOption, bool demo, const Clock& clock)
{
    if (demo)
        return DemoInbox::ensureDatabase(clock);
    return dbOption.isEmpty() ? Database::defaultPath() : dbOption;
}

} // namespace casebook
