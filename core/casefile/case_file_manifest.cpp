#include "casefile/case_file_manifest.h"

#include "casefile/contact_mask.h"
#include "store/ticket_json.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace casebook::case_file_manifest {

QJsonObject customerJson(const CaseSnapshot& s, bool mask)
{
    QJsonObject customer{{QStringLiteral("name"), s.ticket.customerName}};
    if (!s.customer)
        return customer;
    QJsonArray identities;
    for (const Identity& id : s.customer->identities)
        identities << QJsonObject{
            {QStringLiteral("kind"), id.kind},
            {QStringLiteral("value"), mask ? maskContacts(id.value, {id.value}) : id.value}};
    customer.insert(QStringLiteral("identities"), identities);
    return customer;
}

QJsonObject build(const CaseSnapshot& s, const QList<CaseFileEntry>& files, const CaseFileOptions& options,
                  const QDateTime& exportedAt, const QString& keyFingerprint)
{
    using ticket_json::isoDate;
    const TicketSummary& t = s.ticket;
    QJsonObject ticket{{QStringLiteral("number"), t.number},
                       {QStringLiteral("subject"), t.subject},
                       {QStringLiteral("status"), toString(t.status)},
                       {QStringLiteral("category"), toString(t.category)},
                       {QStringLiteral("channels"), QJsonArray::fromStringList(t.channels)},
                       {QStringLiteral("order_numbers"), QJsonArray::fromStringList(t.orderNumbers)},
                       {QStringLiteral("created_at"), isoDate(t.createdAt)},
                       {QStringLiteral("last_activity_at"), isoDate(t.lastActivityAt)}};
    QJsonArray list;
    for (const CaseFileEntry& f : files) {
        QJsonObject o = f.meta;
        o.insert(QStringLiteral("path"), f.path);
        o.insert(QStringLiteral("sha256"), f.sha256);
        o.insert(QStringLiteral("size"), f.size);
        o.insert(QStringLiteral("role"), f.role);
        list << o;
    }
    QJsonObject manifest{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("app"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Casebook")},
                                            {QStringLiteral("version"), QStringLiteral(CASEBOOK_VERSION)}}},
        {QStringLiteral("exported_at"), isoDate(exportedAt)},
        {QStringLiteral("options"), QJsonObject{{QStringLiteral("include_notes"), options.includeNotes},
                                                {QStringLiteral("mask_contact"), options.maskContact},
                                                {QStringLiteral("language"), options.language}}},
        {QStringLiteral("case"), ticket},
        {QStringLiteral("customer"), customerJson(s, options.maskContact)},
        {QStringLiteral("files"), list},
        // Inside what is signed: a signature by another key over the same manifest does not verify.
        {QStringLiteral("signature"),
         QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("Ed25519")},
                     {QStringLiteral("signature_file"), kSignatureName},
                     {QStringLiteral("public_key_file"), kPublicKeyName},
                     {QStringLiteral("key_fingerprint"), keyFingerprint},
                     {QStringLiteral("fingerprint_is"),
                      QStringLiteral("SHA-256 of the 32-byte raw Ed25519 public key, hex")}}},
        {QStringLiteral("custody_log"), custody_log::toJson(s.custody)}};
    if (options.maskContact)
        manifest.insert(
            QStringLiteral("messages_omitted"),
            QStringLiteral("Contact details are masked in this copy; the raw messages carry them and "
                           "were left out. The PDF shows the conversation, masked."));
    return manifest;
}

QByteArray sha256Sums(const QList<CaseFileEntry>& files)
{
    QByteArray out;
    for (const CaseFileEntry& f : files)
        out += f.sha256.toLatin1() + "  " + f.path.toUtf8() + '\n';
    return out;
}

Result<QMap<QString, QString>> parseSha256Sums(const QByteArray& text)
{
    static const QRegularExpression line(QStringLiteral("^([0-9a-f]{64}) [ *](.+)$"));
    QMap<QString, QString> out;
    int number = 0;
    for (const QString& l : QString::fromUtf8(text).split(QLatin1Char('\n'))) {
        ++number;
        if (l.isEmpty())
            continue;
        const auto m = line.match(l);
        if (!m.hasMatch())
            return makeError(QStringLiteral("SHA256SUMS line %1 is not \"<sha256>  <file>\"").arg(number));
        out.insert(m.captured(2), m.captured(1));
    }
    return out;
}

} // namespace casebook::case_file_manifest
