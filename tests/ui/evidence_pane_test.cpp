// The evidence pane and the conversation's attachments, driven in the real window on the demo inbox.
#include "case_file_printer.h"
#include "casefile/case_file_verifier.h"
#include "casefile/zip_archive.h"
#include "conversation_pane.h"
#include "demo_store.h"
#include "evidence/custody_log.h"
#include "evidence/evidence_locker.h"
#include "evidence_model.h"
#include "evidence_pane.h"
#include "main_window.h"
#include "support/memory_secrets.h"
#include "ticket_list_model.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPdfDocument>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>
#include <catch2/catch.hpp>

using namespace casebook;
using test::DemoStore;

namespace {

struct Window {
    explicit Window(DemoStore& demo)
        : window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"), test::memorySecrets())
    {
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        views = window.findChild<QListWidget*>(QStringLiteral("viewsList"));
        list = window.findChild<QTreeView*>(QStringLiteral("ticketList"));
        pane = window.findChild<ui::EvidencePane*>(QStringLiteral("evidencePane"));
        evidenceList = window.findChild<QTreeView*>(QStringLiteral("evidenceList"));
        conversation = window.findChild<ui::ConversationPane*>(QStringLiteral("conversationPane"));
        REQUIRE(views);
        REQUIRE(list);
        REQUIRE(pane);
        REQUIRE(evidenceList);
        REQUIRE(conversation);
        views->setCurrentRow(views->count() - 1); // All
    }
    // Selects the first ticket `wanted` accepts, as a click in the list would; its row, or -1.
    int select(const std::function<bool()>& wanted)
    {
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            list->setCurrentIndex(list->model()->index(row, ui::TicketListModel::SubjectColumn));
            if (wanted())
                return row;
        }
        return -1;
    }
    qint64 ticketAt(int row) const
    {
        return list->model()->index(row, 0).data(ui::TicketListModel::TicketIdRole).toLongLong();
    }
    ui::MainWindow window;
    QListWidget* views = nullptr;
    QTreeView* list = nullptr;
    ui::EvidencePane* pane = nullptr;
    QTreeView* evidenceList = nullptr;
    ui::ConversationPane* conversation = nullptr;
};

// Waits for the pane's current job; its (ok, message).
std::pair<bool, QString> finished(QSignalSpy& spy)
{
    if (spy.isEmpty())
        REQUIRE(spy.wait(120000));
    const QList<QVariant> args = spy.takeFirst();
    return {args.at(0).toBool(), args.at(1).toString()};
}

// The export the pane started finished and wrote a case file that verifies.
void requireVerifiedExport(QSignalSpy& done, const QString& zip)
{
    auto [ok, message] = finished(done);
    INFO(message.toStdString());
    REQUIRE(ok);
    auto checked = CaseFileVerifier().verify(zip);
    REQUIRE(checked);
    CHECK(checked->ok());
}

bool drop(QWidget* target, const QStringList& files, QPoint at = {10, 10})
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& f : files)
        urls << QUrl::fromLocalFile(f);
    mime.setUrls(urls);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropped(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropped);
    return dropped.isAccepted();
}

QString writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
    return path;
}

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QStringList hashesListed(QTreeView* view)
{
    QStringList out;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        out << view->model()->index(row, ui::EvidenceModel::HashColumn).data().toString();
    return out;
}

} // namespace

TEST_CASE("the evidence model passes QAbstractItemModelTester on every demo case", "[ui][evidence]")
{
    DemoStore demo;
    ui::EvidenceModel model(*demo.store.db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    int withEvidence = 0;
    const auto ids = demo.store.db->reader().execAndGet("SELECT group_concat(id) FROM tickets").getString();
    for (const QString& id : QString::fromStdString(ids).split(QLatin1Char(','))) {
        model.setTicket(id.toLongLong());
        withEvidence += model.rowCount() > 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            CHECK(model.index(row, ui::EvidenceModel::HashColumn).data().toString().size() == 64);
            CHECK_FALSE(model.index(row, ui::EvidenceModel::NameColumn).data(Qt::DecorationRole).isNull());
        }
    }
    CHECK(withEvidence == 4); // the demo's four cases with photos, a PDF and a screenshot
}

TEST_CASE("files dropped on the evidence pane or on a ticket in the list become evidence", "[ui][evidence]")
{
    DemoStore demo;
    Window w(demo);
    REQUIRE(w.select([&] { return w.pane->model()->rowCount() > 0; }) >= 0);
    const qint64 ticket = w.pane->ticketId();
    CHECK(ticket == w.conversation->ticketId());
    const int before = w.pane->model()->rowCount();
    QSignalSpy done(w.pane, &ui::EvidencePane::jobFinished);

    const QByteArray photo = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(5000, 'p');
    const QString file = writeFile(demo.store.dir.filePath(QStringLiteral("반품 사진.png")), photo);
    REQUIRE(drop(w.pane, {file}));
    auto [ok, message] = finished(done);
    INFO(message.toStdString());
    CHECK(ok);
    CHECK(w.pane->model()->rowCount() == before + 1);
    CHECK(hashesListed(w.evidenceList).contains(sha256(photo)));
    CHECK(w.pane->resultText().contains(QStringLiteral("Added 1 file")));

    // The same file again is kept once.
    REQUIRE(drop(w.pane, {file}));
    std::tie(ok, message) = finished(done);
    CHECK(message.contains(QStringLiteral("already in the case")));
    CHECK(w.pane->model()->rowCount() == before + 1);

    // Ctrl+C on the list copies the selected file's hash.
    const int row = static_cast<int>(hashesListed(w.evidenceList).indexOf(sha256(photo)));
    w.evidenceList->setFocus();
    w.evidenceList->setCurrentIndex(w.pane->model()->index(row, 0));
    QTest::keyClick(w.evidenceList, Qt::Key_C, Qt::ControlModifier);
    CHECK(QGuiApplication::clipboard()->text() == sha256(photo));

    // Dropped on another ticket's row in the list, the file goes to that ticket, not the one shown.
    const int other = ticket == w.ticketAt(0) ? 1 : 0;
    const qint64 otherTicket = w.ticketAt(other);
    const QRect rect = w.list->visualRect(w.list->model()->index(other, ui::TicketListModel::SubjectColumn));
    const QByteArray receipt("receipt for the list drop");
    REQUIRE(drop(w.list->viewport(),
                 {writeFile(demo.store.dir.filePath(QStringLiteral("receipt.txt")), receipt)},
                 rect.center()));
    std::tie(ok, message) = finished(done);
    CHECK(ok);
    const QList<EvidenceRecord> there = EvidenceLocker(*demo.store.db).list(otherTicket);
    REQUIRE_FALSE(there.isEmpty());
    CHECK(there.last().sha256 == sha256(receipt));
    CHECK_FALSE(hashesListed(w.evidenceList).contains(sha256(receipt)));

    // Dropped on the window, a photo is evidence of the shown ticket; .eml files alone stay an import.
    const QByteArray video("\0\0\0\x18"
                           "ftypisom not a real video",
                           29);
    REQUIRE(drop(&w.window, {writeFile(demo.store.dir.filePath(QStringLiteral("packing.mp4")), video)}));
    std::tie(ok, message) = finished(done);
    CHECK(hashesListed(w.evidenceList).contains(sha256(video)));
    CHECK(w.pane->model()->index(w.pane->model()->rowCount() - 1, ui::EvidenceModel::NameColumn).data() ==
          QStringLiteral("packing.mp4"));
}

TEST_CASE("adding a large file shows progress and can be cancelled, storing nothing", "[ui][evidence]")
{
    DemoStore demo;
    Window w(demo);
    REQUIRE(w.select([&] { return true; }) == 0);
    const int before = w.pane->model()->rowCount();
    QSignalSpy done(w.pane, &ui::EvidencePane::jobFinished);
    const QString big =
        writeFile(demo.store.dir.filePath(QStringLiteral("big.mov")), QByteArray(48 << 20, 'm'));
    REQUIRE(w.pane->addFiles(w.pane->ticketId(), {big}));
    CHECK(w.pane->busy());
    CHECK_FALSE(w.pane->addFiles(w.pane->ticketId(), {big})); // one job at a time
    auto* progress = w.window.findChild<QProgressDialog*>(QStringLiteral("workerProgress"));
    REQUIRE(progress);
    auto* cancel = progress->findChild<QPushButton*>();
    REQUIRE(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton); // as the seller would
    auto [ok, message] = finished(done);
    CHECK_FALSE(ok);
    CHECK(message.contains(QStringLiteral("Cancelled")));
    CHECK(w.pane->model()->rowCount() == before);
    CHECK_FALSE(w.pane->busy());
}

TEST_CASE("a case file exported from the pane verifies, and the custody log shows the export",
          "[ui][evidence]")
{
    DemoStore demo;
    Window w(demo);
    REQUIRE(w.select([&] {
        return w.pane->model()->rowCount() > 0 &&
               w.conversation->plainText().contains(QStringLiteral("누락"));
    }) >= 0);
    QSignalSpy done(w.pane, &ui::EvidencePane::jobFinished);
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("case.zip"));
    REQUIRE(w.pane->exportCaseFile(zip, CaseFileOptions{true, true}));
    auto [ok, message] = finished(done);
    INFO(message.toStdString());
    REQUIRE(ok);
    CHECK(message.contains(QStringLiteral("Case file written")));
    auto* openFolder = w.pane->findChild<QPushButton*>(QStringLiteral("openFolderButton"));
    REQUIRE(openFolder);
    CHECK(openFolder->isVisible());

    auto checked = CaseFileVerifier().verify(zip);
    REQUIRE(checked);
    INFO(checked->problems.join(QLatin1Char('\n')).toStdString());
    CHECK(checked->ok());
    CHECK(checked->filesChecked > w.pane->model()->rowCount());

    // Verifying from the pane says so and records it in the custody log.
    REQUIRE(w.pane->verifyCaseFile(zip));
    std::tie(ok, message) = finished(done);
    CHECK(ok);
    CHECK(message.contains(QStringLiteral("is intact")));

    // A damaged file is named as such.
    QFile damaged(zip);
    REQUIRE(damaged.open(QIODevice::ReadWrite));
    damaged.seek(damaged.size() / 2);
    const char flip = static_cast<char>(damaged.peek(1).at(0) ^ 0x55);
    damaged.write(&flip, 1);
    damaged.close();
    REQUIRE(w.pane->verifyCaseFile(zip));
    std::tie(ok, message) = finished(done);
    CHECK_FALSE(ok);
    CHECK((message.contains(QStringLiteral("cannot be trusted")) ||
           message.contains(QStringLiteral("could not be checked"))));

    // The custody log: added entries from the demo, then exported and verified, chain intact.
    auto* custody = w.pane->findChild<QPushButton*>(QStringLiteral("custodyLogButton"));
    REQUIRE(custody);
    QTest::mouseClick(custody, Qt::LeftButton);
    auto* log = w.pane->findChild<QTreeWidget*>(QStringLiteral("custodyLog"));
    REQUIRE(log);
    const QList<CustodyEntry> entries = custody_log::entries(demo.store.db->reader(), w.pane->ticketId());
    CHECK(log->topLevelItemCount() == entries.size());
    QStringList actions;
    for (int i = 0; i < log->topLevelItemCount(); ++i)
        actions << log->topLevelItem(i)->toolTip(2); // the stored word; the column says it in the UI's language
    CHECK(actions.contains(QStringLiteral("added")));
    CHECK(actions.contains(QStringLiteral("exported")));
    CHECK(actions.contains(QStringLiteral("verified")));
    auto* status = w.pane->findChild<QLabel*>(QStringLiteral("custodyChainStatus"));
    REQUIRE(status);
    CHECK(status->text().contains(QStringLiteral("chain holds")));
}

TEST_CASE("a mail attachment opens read-only, saves, and becomes evidence from the conversation",
          "[ui][evidence]")
{
    DemoStore demo;
    Window w(demo);
    REQUIRE(w.select([&] { return !w.conversation->attachments().isEmpty(); }) >= 0);
    const StoredAttachment a = w.conversation->attachments().first();
    CHECK(w.conversation->plainText().contains(QStringLiteral("Add as evidence")));
    const QByteArray bytes = [&] {
        QTemporaryDir d;
        const QString saved = d.filePath(QStringLiteral("saved"));
        REQUIRE(w.conversation->saveAttachment(a.id, saved));
        return test::readFile(saved);
    }();
    CHECK(bytes.size() == a.size);
    CHECK(sha256(bytes) == a.sha256);

    auto viewing = w.conversation->copyForViewing(a.id);
    REQUIRE(viewing);
    CHECK(test::readFile(viewing.value()) == bytes);
    CHECK_FALSE(QFileInfo(viewing.value()).permissions() & QFileDevice::WriteOwner);
    CHECK_FALSE(QFileInfo(viewing.value()).fileName().contains(QLatin1Char('/')));

    const bool already = hashesListed(w.evidenceList).contains(a.sha256);
    const int before = w.pane->model()->rowCount();
    QSignalSpy done(w.pane, &ui::EvidencePane::jobFinished);
    w.conversation->activateLink(QUrl(QStringLiteral("attachment:evidence/%1").arg(a.id)));
    auto [ok, message] = finished(done);
    INFO(message.toStdString());
    CHECK(ok);
    CHECK(hashesListed(w.evidenceList).contains(a.sha256));
    CHECK(w.pane->model()->rowCount() == before + (already ? 0 : 1));
    const EvidenceRecord r =
        w.pane->model()->record(static_cast<int>(hashesListed(w.evidenceList).indexOf(a.sha256)));
    CHECK(r.source.startsWith(QStringLiteral("mail attachment")));
    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    CHECK(w.window.grab().save(QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/conversation-attachment-demo.png")));
}

TEST_CASE("screenshot: a Korean case with its demo evidence", "[ui][evidence]")
{
    DemoStore demo;
    Window w(demo);
    w.window.resize(1500, 940);
    // The demo's cases with several pieces of evidence may be waiting on the customer: look in All.
    w.window.viewsPane()->selectView(TicketView::All);
    REQUIRE(w.select([&] {
        return w.pane->model()->rowCount() > 1 &&
               w.conversation->plainText().contains(QStringLiteral("배송"));
    }) >= 0);
    QTest::qWait(50);
    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    CHECK(w.window.grab().save(QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/evidence-pane-demo.png")));
}

TEST_CASE("the Export case file button asks for the options and exports with them", "[ui][evidence]")
{
    DemoStore demo;
    Window w(demo);
    REQUIRE(w.select([&] { return w.pane->model()->rowCount() > 0; }) >= 0);
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("from-dialog.zip"));
    bool dialogSeen = false;
    // The dialog is modal: fill it in once it is up, as the seller would.
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        dialogSeen = dialog->objectName() == QLatin1String("caseExportDialog");
        auto* path = dialog->findChild<QLineEdit*>(QStringLiteral("exportPath"));
        auto* notes = dialog->findChild<QCheckBox*>(QStringLiteral("exportIncludeNotes"));
        auto* mask = dialog->findChild<QCheckBox*>(QStringLiteral("exportMaskContact"));
        REQUIRE(path);
        REQUIRE(notes);
        REQUIRE(mask);
        CHECK(path->text().endsWith(QStringLiteral(".zip")));
        CHECK_FALSE(notes->isChecked()); // internal notes stay out unless asked for
        path->setText(zip);
        mask->setChecked(true);
        dialog->accept();
    });
    QSignalSpy done(w.pane, &ui::EvidencePane::jobFinished);
    QTest::mouseClick(w.pane->findChild<QPushButton*>(QStringLiteral("exportCaseButton")), Qt::LeftButton);
    CHECK(dialogSeen);
    requireVerifiedExport(done, zip);
    // Masked: the raw messages (which carry the contact details) stay out of the file.
    auto archive = ZipArchive::openReadOnly(zip);
    REQUIRE(archive);
    for (const QString& entry : archive.value()->entryNames())
        CHECK_FALSE(entry.startsWith(QStringLiteral("messages/")));
}

TEST_CASE("exporting over an existing file asks first; No leaves the file, Yes replaces it",
          "[ui][evidence][hostile]")
{
    DemoStore demo;
    Window w(demo);
    REQUIRE(w.select([&] { return w.pane->model()->rowCount() > 0; }) >= 0);
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("mine.zip"));
    {
        QFile f(zip);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("the seller's own file");
    }
    for (const auto answer : {QMessageBox::No, QMessageBox::Yes}) {
        bool asked = false;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            REQUIRE(dialog);
            dialog->findChild<QLineEdit*>(QStringLiteral("exportPath"))->setText(zip);
            // The question comes up once the export dialog is closed.
            QTimer::singleShot(0, [&] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                REQUIRE(box);
                asked = box->text().contains(QStringLiteral("mine.zip"));
                box->button(answer)->click();
            });
            dialog->accept();
        });
        QSignalSpy done(w.pane, &ui::EvidencePane::jobFinished);
        QTest::mouseClick(w.pane->findChild<QPushButton*>(QStringLiteral("exportCaseButton")), Qt::LeftButton);
        CHECK(asked);
        if (answer == QMessageBox::No) {
            QTest::qWait(100);
            CHECK(done.isEmpty());
            CHECK(test::readFile(zip) == "the seller's own file");
            continue;
        }
        requireVerifiedExport(done, zip);
    }
}

TEST_CASE("File → Print case file prints the report page by page (to a PDF printer here)", "[ui][evidence]")
{
    DemoStore demo;
    Window w(demo);
    REQUIRE(w.select([&] { return w.pane->model()->rowCount() > 0; }) >= 0);
    QSignalSpy done(w.pane, &ui::EvidencePane::jobFinished);
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("case.zip"));
    REQUIRE(w.pane->exportCaseFile(zip, CaseFileOptions{}));
    REQUIRE(finished(done).first);
    REQUIRE(w.window.findChild<QAction*>(QStringLiteral("printCaseFileAction")));

    auto report = CaseFileVerifier::report(zip);
    REQUIRE(report);
    QBuffer in(&report.value());
    in.open(QIODevice::ReadOnly);
    QPdfDocument original;
    original.load(&in);
    REQUIRE(original.pageCount() > 1);

    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString printed = out.filePath(QStringLiteral("printed.pdf"));
    printer.setOutputFileName(printed);
    const auto pages = ui::printCaseReport(report.value(), printer);
    INFO((pages ? QString() : pages.error().message).toStdString());
    REQUIRE(pages);
    CHECK(pages.value() == original.pageCount());
    QPdfDocument paper;
    paper.load(printed);
    CHECK(paper.pageCount() == original.pageCount());
    // Not a PDF: refused with a reason, nothing printed.
    CHECK_FALSE(ui::printCaseReport(QByteArray("not a pdf"), printer));
    CHECK(CaseFileVerifier::report(out.filePath(QStringLiteral("missing.zip"))).error().code != ErrorCode::Unknown);
}
