#include "custody_log_dialog.h"

#include "evidence/custody_log.h"
#include "semantic_colors.h"

#include <QDialogButtonBox>
#include <QHash>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace casebook::ui {
namespace {

// The stored action ("added"), as the window's language says it; unknown words stay as stored.
QString actionName(const QString& action)
{
    if (action == QLatin1String("added"))
        return CustodyLogDialog::tr("Added");
    if (action == QLatin1String("exported"))
        return CustodyLogDialog::tr("Exported");
    if (action == QLatin1String("verified"))
        return CustodyLogDialog::tr("Verified");
    return action;
}

// A fact's name in the entry's detail (what the evidence locker, the exporter and the verifier write).
QString factName(const QString& key)
{
    static const QHash<QString, const char*> names{
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "file")},
        {QStringLiteral("file"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "file")},
        {QStringLiteral("size"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "size")},
        {QStringLiteral("sha256"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "SHA-256")},
        {QStringLiteral("source"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "added from")},
        {QStringLiteral("manifest_sha256"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "manifest SHA-256")},
        {QStringLiteral("key_fingerprint"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "signing key")},
        {QStringLiteral("files"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "files")},
        {QStringLiteral("include_notes"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "notes included")},
        {QStringLiteral("mask_contact"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "contacts masked")},
        {QStringLiteral("result"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "result")},
        {QStringLiteral("problems"), QT_TRANSLATE_NOOP("casebook::ui::CustodyLogDialog", "problems")}};
    const auto it = names.constFind(key);
    return it == names.constEnd() ? key : CustodyLogDialog::tr(it.value());
}

QString factValue(const QString& key, const QJsonValue& v)
{
    if (key == QLatin1String("source")) {
        const QString source = v.toString();
        if (source == QLatin1String("file"))
            return CustodyLogDialog::tr("a file");
        if (source == QLatin1String("demo"))
            return CustodyLogDialog::tr("the demo");
        if (source.startsWith(QLatin1String("mail attachment")))
            return CustodyLogDialog::tr("mail attachment") + source.mid(15);
        return source;
    }
    if (v.isBool())
        return v.toBool() ? CustodyLogDialog::tr("yes") : CustodyLogDialog::tr("no");
    const QString text = v.toVariant().toString();
    if (text == QLatin1String("intact"))
        return CustodyLogDialog::tr("intact");
    if (text == QLatin1String("problems"))
        return CustodyLogDialog::tr("problems found");
    return text;
}

// {"name":"x.jpg","size":12} → "file: x.jpg · size: 12": the entry's facts, readable in the window's
// language (the tooltip keeps the stored JSON, which is what the hash chain holds).
QString readable(const QString& detail)
{
    const QJsonObject o = QJsonDocument::fromJson(detail.toUtf8()).object();
    if (o.isEmpty())
        return detail;
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it)
        parts << QStringLiteral("%1: %2").arg(factName(it.key()), factValue(it.key(), it.value()));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

CustodyLogDialog::CustodyLogDialog(Database& db, qint64 ticketId, int caseNumber, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("custodyLogDialog"));
    setWindowTitle(tr("Custody log of #%1").arg(caseNumber));
    const QList<CustodyEntry> entries = custody_log::entries(db.reader(), ticketId);
    const QString problem = custody_log::chainProblem(entries);

    auto* status = new QLabel;
    status->setObjectName(QStringLiteral("custodyChainStatus"));
    status->setWordWrap(true);
    if (entries.isEmpty())
        status->setText(tr("Nothing has been recorded for this case yet."));
    else if (problem.isEmpty())
        status->setText(tr("%n entries; each one carries the hash of the one before it, and the chain holds.",
                           nullptr, static_cast<int>(entries.size())));
    else
        status->setText(tr("The chain is broken: %1").arg(problem));
    status->setStyleSheet(problem.isEmpty()
                              ? QString()
                              : QStringLiteral("color:%1; font-weight:bold")
                                    .arg(SemanticColors::color(SemanticColors::Role::Danger).name()));

    auto* table = new QTreeWidget;
    table->setObjectName(QStringLiteral("custodyLog"));
    table->setRootIsDecorated(false);
    table->setHeaderLabels({tr("#"), tr("Time"), tr("Action"), tr("Details"), tr("Entry hash")});
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const CustodyEntry& e : entries) {
        auto* item = new QTreeWidgetItem({QString::number(e.seq),
                                          QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat),
                                          actionName(e.action), readable(e.detail), e.entryHash});
        item->setToolTip(2, e.action);
        item->setFont(4, mono);
        item->setToolTip(3, e.detail);
        item->setToolTip(4, tr("previous: %1").arg(e.prevHash));
        table->addTopLevelItem(item);
    }
    table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(status);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(900, 420);
}

} // namespace casebook::ui
