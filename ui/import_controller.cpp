#include "import_controller.h"

#include "inbox/mail_importer.h"
#include "inbox/own_addresses.h"
#include "inbox/rethreader.h"
#include "sources/eml_source.h"
#include "sources/maildir_source.h"
#include "sources/mbox_source.h"
#include "worker_job.h"

#include <QFileDialog>
#include <memory>

namespace casebook::ui {

ImportController::ImportController(Database& db, QWidget* parentWindow)
    : QObject(parentWindow), m_db(db), m_window(parentWindow), m_job(new WorkerJob(parentWindow, &db))
{
    m_job->setParent(this);
}

ImportController::~ImportController()
{
    // The job reads this object's members: it is cancelled and waited for before they go.
    m_job->cancel();
    delete m_job;
}

bool ImportController::busy() const
{
    return m_job->busy();
}

void ImportController::chooseAndImport(Kind kind)
{
    QStringList paths;
    if (kind == Kind::Maildir) {
        const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Import a Maildir folder"));
        if (!dir.isEmpty())
            paths << dir;
    } else if (kind == Kind::Mbox) {
        const QString file = QFileDialog::getOpenFileName(m_window, tr("Import an mbox file"), {},
                                                          tr("Mailboxes (*.mbox *.mbx *);;All files (*)"));
        if (!file.isEmpty())
            paths << file;
    } else {
        paths = QFileDialog::getOpenFileNames(m_window, tr("Import .eml files"), {},
                                              tr("Mail messages (*.eml);;All files (*)"));
    }
    if (!paths.isEmpty())
        importPaths(kind, paths);
}

void ImportController::importPaths(Kind kind, const QStringList& paths)
{
    if (busy() || paths.isEmpty())
        return;
    auto summary = std::make_shared<QString>();
    m_job->setCancellable(true);
    m_job->start(
        tr("Import"), tr("Importing mail…"),
        [this, kind, paths, summary](const Progress& progress) {
            auto open = [&]() -> std::unique_ptr<MailSource> {
                if (kind == Kind::Maildir)
                    return std::make_unique<MaildirSource>(paths.first());
                if (kind == Kind::Mbox)
                    return std::make_unique<MboxSource>(paths.first());
                return std::make_unique<EmlSource>(paths);
            };
            std::unique_ptr<MailSource> source = open();
            // The seller's addresses: known, and what this mailbox shows (read from a second, fresh source).
            IngestOptions ingest;
            QString ownLine;
            {
                std::unique_ptr<MailSource> fresh = open();
                auto own = own_addresses::forImport(m_db, {}, *fresh,
                                                    kind == Kind::Maildir ? paths.first() : QString());
                if (own && !own->isEmpty()) {
                    ingest.ownAddresses = own->addresses();
                    ownLine = tr("Your addresses: %1").arg(own->describe());
                } else {
                    ownLine =
                        tr("None of your own addresses is known: set them in Settings, then Tools → Sort "
                           "mail again.");
                }
            }
            MailImporter importer(m_db, ingest);
            auto report = importer.run(*source, [this, &progress](const ImportProgress& p) {
                m_job->setLabelText(tr("Importing mail… %1 messages (%2/s)\n%3")
                                        .arg(p.counts.read)
                                        .arg(qRound(p.messagesPerSecond))
                                        .arg(p.current.right(60)));
                return progress(0, 0); // no end known: a busy bar; false once cancelled
            });
            if (!report) {
                *summary = tr("Import failed: %1").arg(report.error().message);
                return;
            }
            *summary = tr("%1 read · %2 imported · %3 already here · %4 could not be read · %5 new tickets")
                           .arg(report->read)
                           .arg(report->imported)
                           .arg(report->duplicates)
                           .arg(report->quarantined)
                           .arg(report->ticketsCreated);
            if (report->cancelled)
                *summary = tr("Import cancelled (it resumes where it stopped): %1").arg(*summary);
            else if (report->imported == 0 && report->quarantined == 0 &&
                     (report->resumed || report->duplicates > 0))
                *summary =
                    tr("Nothing new: this mail is stored already. If your addresses changed, use Tools → "
                       "Sort mail again.");
            *summary += QStringLiteral(" — ") + ownLine;
        },
        [this, summary] { Q_EMIT finished(*summary); });
}

void ImportController::rethread()
{
    if (busy())
        return;
    auto summary = std::make_shared<QString>();
    m_job->setCancellable(false);
    m_job->start(
        tr("Sort mail again"), tr("Sorting the stored mail again with your addresses…"),
        [this, summary](const Progress& progress) {
            progress(0, 0);
            const OwnAddressSet own = own_addresses::known(m_db);
            IngestOptions options;
            options.ownAddresses = own.addresses();
            // One transaction that cannot stop halfway: its dialog has no Cancel (setCancellable).
            auto report = Rethreader(m_db, options).run();
            *summary = !report
                           ? tr("Sorting again failed: %1").arg(report.error().message)
                           : tr("%1 messages sorted again · %2 now read as your replies or back · %3 tickets "
                                "kept · %4 new · %5 folded into others")
                                 .arg(report->messages)
                                 .arg(report->directionsChanged)
                                 .arg(report->ticketsKept)
                                 .arg(report->ticketsCreated)
                                 .arg(report->ticketsFolded);
        },
        [this, summary] { Q_EMIT finished(*summary); });
}

} // namespace casebook::ui
