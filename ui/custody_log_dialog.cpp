#include "custody_log_dialog.h"

#include "evidence/custody_log.h"
#include "semantic_colors.h"

#include <QDialogButtonBox>
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

// {"name":"x.jpg","size":12} → "name: x.jpg · size: 12": the entry's facts, readable.
QString readable(const QString& detail)
{
    const QJsonObject o = QJsonDocument::fromJson(detail.toUtf8()).object();
    if (o.isEmpty())
        return detail;
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key(), it.value().toVariant().toString());
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
                                          e.action, readable(e.detail), e.entryHash});
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
