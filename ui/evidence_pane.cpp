#include "evidence_pane.h"

#include "case_file_printer.h"

#include "case_export_dialog.h"
#include "casefile/case_file_exporter.h"
#include "casefile/case_file_verifier.h"
#include "custody_log_dialog.h"
#include "evidence/evidence_locker.h"
#include "evidence_model.h"
#include "read_only_copy.h"
#include "semantic_colors.h"
#include "store/ticket_queries.h"
#include "worker_job.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTreeView>
#include <QUrl>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>

namespace casebook::ui {
namespace {

QStringList droppedFiles(const QMimeData* mime)
{
    QStringList files;
    if (!mime)
        return files;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            files << url.toLocalFile();
    return files;
}

bool onlyMail(const QStringList& files)
{
    for (const QString& f : files)
        if (!f.endsWith(QLatin1String(".eml"), Qt::CaseInsensitive))
            return false;
    return true;
}

QString lastDir(const QString& key)
{
    const QString fallback = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QSettings().value(QStringLiteral("Evidence/") + key, fallback).toString();
}

void rememberDir(const QString& key, const QString& file)
{
    QSettings().setValue(QStringLiteral("Evidence/") + key, QFileInfo(file).absolutePath());
}

} // namespace

EvidencePane::EvidencePane(Database& db, QWidget* parent)
    : QWidget(parent), m_db(db), m_model(new EvidenceModel(db, this)), m_job(new WorkerJob(this, &db)),
      m_title(new QLabel), m_view(new QTreeView), m_add(new QPushButton(tr("Add files…"))),
      m_export(new QPushButton(tr("Export case file…"))), m_verify(new QPushButton(tr("Verify case file…"))),
      m_custody(new QPushButton(tr("Custody log"))), m_result(new QWidget), m_resultText(new QLabel),
      m_openFolder(new QPushButton(tr("Open folder")))
{
    setObjectName(QStringLiteral("evidencePane"));
    setAcceptDrops(true);
    m_title->setObjectName(QStringLiteral("evidenceTitle"));
    // The title wraps rather than holding the case pane wide: unwrapped it set the pane's minimum width, and
    // the ticket list beside it lost its Subject column.
    m_title->setWordWrap(true);
    m_add->setObjectName(QStringLiteral("evidenceAddButton"));
    m_export->setObjectName(QStringLiteral("exportCaseButton"));
    m_verify->setObjectName(QStringLiteral("verifyCaseButton"));
    m_custody->setObjectName(QStringLiteral("custodyLogButton"));
    m_resultText->setObjectName(QStringLiteral("evidenceResultText"));
    m_openFolder->setObjectName(QStringLiteral("openFolderButton"));
    m_view->setObjectName(QStringLiteral("evidenceList"));
    m_add->setToolTip(tr("Add photos, videos or documents to this case (or drop files here)"));

    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setIconSize(QSize(56, 56));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(EvidenceModel::NameColumn, 230);
    m_view->setColumnWidth(EvidenceModel::HashColumn, 150);
    auto* copy = new QAction(tr("Copy SHA-256"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &EvidencePane::copySelectedHash);
    auto* open = new QAction(tr("Open a read-only copy"), m_view);
    connect(open, &QAction::triggered, this, [this] {
        const QModelIndex i = m_view->currentIndex();
        if (!i.isValid())
            return;
        const EvidenceRecord r = m_model->record(i.row());
        const QString stored = i.data(EvidenceModel::StoredPathRole).toString();
        auto opened = openReadOnlyCopy(r.originalName, [&](const QString& path) -> Result<void> {
            if (!QFile::copy(stored, path))
                return makeError(tr("Could not copy %1 to %2.").arg(stored, path));
            return {};
        });
        if (!opened)
            showResult(false, opened.error().message);
    });
    connect(m_view, &QTreeView::activated, open, &QAction::trigger);
    m_view->addActions({open, copy});

    connect(m_add, &QPushButton::clicked, this, &EvidencePane::chooseFilesToAdd);
    connect(m_export, &QPushButton::clicked, this, &EvidencePane::chooseExport);
    connect(m_verify, &QPushButton::clicked, this, &EvidencePane::chooseVerify);
    connect(m_custody, &QPushButton::clicked, this, &EvidencePane::showCustodyLog);
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_resultFolder)); });

    // The title over the buttons, not beside them: beside four buttons it wrapped into four short lines.
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_add, m_export, m_verify, m_custody})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* top = new QVBoxLayout;
    top->addWidget(m_title);
    top->addLayout(buttons);

    m_result->setObjectName(QStringLiteral("evidenceResult"));
    m_resultText->setWordWrap(true);
    m_resultText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QPushButton(QStringLiteral("×"));
    close->setFlat(true);
    close->setToolTip(tr("Hide"));
    connect(close, &QPushButton::clicked, m_result, &QWidget::hide);
    auto* bar = new QHBoxLayout(m_result);
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(m_resultText, 1);
    bar->addWidget(m_openFolder);
    bar->addWidget(close);
    m_result->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_result);
    showTicket(0);
}

bool EvidencePane::busy() const
{
    return m_job->busy();
}

QString EvidencePane::resultText() const
{
    return m_result->isVisible() || !m_resultText->text().isEmpty() ? m_resultText->text() : QString();
}

int EvidencePane::caseNumber(qint64 ticketId) const
{
    const QList<TicketSummary> t = ticket_queries::ticketsByIds(m_db.reader(), {ticketId});
    return t.isEmpty() ? 0 : t.first().number;
}

void EvidencePane::showTicket(qint64 ticketId)
{
    if (ticketId != m_ticketId)
        m_result->hide();
    m_ticketId = ticketId;
    m_model->setTicket(ticketId);
    for (QPushButton* b : {m_add, m_export, m_custody})
        b->setEnabled(ticketId > 0);
    updateTitle();
}

void EvidencePane::updateTitle()
{
    if (m_ticketId <= 0) {
        m_title->setText(tr("<b>Evidence</b> — select a ticket"));
        return;
    }
    const int n = m_model->rowCount();
    m_title->setText(
        n == 0 ? tr("<b>Evidence</b> of #%1 — none yet; drop files here").arg(caseNumber(m_ticketId))
               : tr("<b>Evidence</b> of #%1 — %n file(s)", nullptr, n).arg(caseNumber(m_ticketId)));
    fitToEvidence(n > 0);
}

void EvidencePane::fitToEvidence(bool hasEvidence)
{
    if (m_ticketId <= 0)
        hasEvidence = false;
    // A case with no evidence shows one line and its buttons, and the conversation above gets the room: an
    // empty table took a third of the column. The table comes back with the first file.
    const bool wasShown = !m_view->isHidden();
    m_view->setVisible(hasEvidence);
    if (hasEvidence) {
        setMaximumHeight(QWIDGETSIZE_MAX);
        auto* split = qobject_cast<QSplitter*>(parentWidget());
        const int at = split ? split->indexOf(this) : -1;
        if (!wasShown && at >= 0) {
            // Room for a few thumbnails, taken from the largest pane.
            QList<int> sizes = split->sizes();
            const int want = std::max(sizes[at], split->height() / 4);
            const auto largest = std::max_element(sizes.begin(), sizes.end());
            *largest -= want - sizes[at];
            sizes[at] = want;
            split->setSizes(sizes);
        }
        return;
    }
    QLayout* box = layout();
    box->activate();
    const int w = std::max(width(), 300);
    setMaximumHeight(std::max(box->hasHeightForWidth() ? box->totalHeightForWidth(w) : -1,
                              box->totalSizeHint().height()) +
                     4);
}

void EvidencePane::showResult(bool ok, const QString& text, const QString& folder)
{
    m_resultFolder = folder;
    m_resultText->setText(text);
    // A failure in the palette's danger shade; success in the normal text colour, so both read light or dark.
    m_result->setStyleSheet(ok ? QString()
                               : QStringLiteral("#evidenceResult { color:%1; font-weight:bold; }")
                                     .arg(SemanticColors::color(SemanticColors::Role::Danger).name()));
    m_result->setAttribute(Qt::WA_StyledBackground, true);
    m_openFolder->setVisible(!folder.isEmpty());
    m_result->show();
    fitToEvidence(m_model->rowCount() > 0);
    Q_EMIT jobFinished(ok, text);
}

bool EvidencePane::addFiles(qint64 ticketId, const QStringList& paths, const QString& note)
{
    if (ticketId <= 0) {
        showResult(false, tr("Select a ticket first: evidence always belongs to a case."));
        return false;
    }
    if (paths.isEmpty())
        return false;
    struct Outcome {
        int added = 0;
        int already = 0;
        bool cancelled = false;
        QStringList errors;
    };
    auto outcome = std::make_shared<Outcome>();
    qint64 total = 0;
    for (const QString& p : paths)
        total += QFileInfo(p).size();
    Database& db = m_db;
    return m_job->start(
        tr("Adding evidence"), tr("Hashing and storing %n file(s)…", nullptr, static_cast<int>(paths.size())),
        [&db, ticketId, paths, note, outcome, total](const Progress& progress) {
            EvidenceLocker locker(db);
            qint64 before = 0;
            for (const QString& path : paths) {
                const qint64 count = locker.list(ticketId).size();
                auto added =
                    locker.add({ticketId, path, {}, note, QStringLiteral("file")}, [&](qint64 d, qint64) {
                        const bool go = progress(before + d, total);
                        outcome->cancelled = !go;
                        return go;
                    });
                before += QFileInfo(path).size();
                if (outcome->cancelled)
                    break;
                if (!added)
                    outcome->errors << added.error().message;
                else if (locker.list(ticketId).size() > count)
                    ++outcome->added;
                else
                    ++outcome->already;
            }
        },
        [this, ticketId, outcome] {
            if (ticketId == m_ticketId) {
                m_model->reload();
                updateTitle();
            }
            QStringList parts;
            if (outcome->added > 0)
                parts << tr("Added %n file(s) to #%1.", nullptr, outcome->added).arg(caseNumber(ticketId));
            if (outcome->already > 0)
                parts << tr("%n file(s) were already in the case.", nullptr, outcome->already);
            if (outcome->cancelled)
                parts << tr("Cancelled: the file being added was not stored.");
            parts << outcome->errors;
            showResult(outcome->errors.isEmpty() && !outcome->cancelled, parts.join(QLatin1Char(' ')));
            if (outcome->added > 0)
                Q_EMIT evidenceChanged(ticketId);
        });
}

bool EvidencePane::promoteAttachment(qint64 attachmentId)
{
    auto result = std::make_shared<std::optional<Result<EvidenceRecord>>>();
    Database& db = m_db;
    return m_job->start(
        tr("Adding evidence"), tr("Adding the attachment to the case's evidence…"),
        [&db, attachmentId, result](const Progress& progress) {
            *result = EvidenceLocker(db).promoteAttachment(attachmentId, {}, progress);
        },
        [this, result] {
            const Result<EvidenceRecord>& r = result->value();
            if (!r) {
                showResult(false, r.error().message);
                return;
            }
            if (r->ticketId == m_ticketId) {
                m_model->reload();
                updateTitle();
            }
            showResult(true, tr("%1 is now evidence of #%2 (SHA-256 %3).")
                                 .arg(r->originalName)
                                 .arg(caseNumber(r->ticketId))
                                 .arg(r->sha256));
            Q_EMIT evidenceChanged(r->ticketId);
        });
}

bool EvidencePane::exportCaseFile(const QString& path, const CaseFileOptions& options)
{
    const int number = caseNumber(m_ticketId);
    if (number <= 0) {
        showResult(false, tr("Select a ticket first."));
        return false;
    }
    auto result = std::make_shared<std::optional<Result<CaseFileExport>>>();
    Database& db = m_db;
    return m_job->start(
        tr("Export case file"), tr("Writing the case file of #%1…").arg(number),
        [&db, number, path, options, result](const Progress& progress) {
            *result = CaseFileExporter(db).exportCase(number, path, options, progress);
        },
        [this, result] {
            const Result<CaseFileExport>& r = result->value();
            if (!r) {
                showResult(false, tr("The case file was not written: %1").arg(r.error().message));
                return;
            }
            showResult(
                true,
                tr("Case file written: %1 — %n file(s), %2. Its SHA-256 (in the custody log): %3", nullptr,
                   r->files)
                    .arg(QDir::toNativeSeparators(r->path), QLocale().formattedDataSize(r->size), r->sha256),
                QFileInfo(r->path).absolutePath());
        });
}

bool EvidencePane::verifyCaseFile(const QString& path)
{
    auto result = std::make_shared<std::optional<Result<CaseFileVerification>>>();
    Database& db = m_db;
    return m_job->start(
        tr("Verify case file"), tr("Checking every hash in %1…").arg(QFileInfo(path).fileName()),
        [&db, path, result](const Progress& progress) {
            *result = CaseFileVerifier(&db).verify(path, progress);
        },
        [this, path, result] {
            const Result<CaseFileVerification>& r = result->value();
            const QString name = QFileInfo(path).fileName();
            if (!r) {
                showResult(false, tr("%1 could not be checked: %2").arg(name, r.error().message));
                return;
            }
            if (r->ok()) {
                showResult(true,
                           tr("%1 is intact: case #%2, %3 files match manifest.json and SHA256SUMS, and "
                              "the custody chain holds.")
                               .arg(name)
                               .arg(r->caseNumber)
                               .arg(r->filesChecked));
                return;
            }
            QStringList shown = r->problems.mid(0, 8);
            if (r->problems.size() > shown.size())
                shown << tr("…and %n more.", nullptr, static_cast<int>(r->problems.size() - shown.size()));
            showResult(false,
                       tr("%1 cannot be trusted as it is:\n%2").arg(name, shown.join(QLatin1Char('\n'))));
        });
}

void EvidencePane::chooseFilesToAdd()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add evidence to #%1").arg(caseNumber(m_ticketId)), lastDir(QStringLiteral("addDir")));
    if (files.isEmpty())
        return;
    rememberDir(QStringLiteral("addDir"), files.first());
    addFiles(m_ticketId, files);
}

void EvidencePane::chooseExport()
{
    const int number = caseNumber(m_ticketId);
    if (number <= 0)
        return;
    CaseExportDialog dialog(number,
                            lastDir(QStringLiteral("exportDir")) + QLatin1Char('/') +
                                CaseFileExporter::defaultFileName(number),
                            this);
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    rememberDir(QStringLiteral("exportDir"), dialog.path());
    CaseFileOptions options = dialog.options();
    // Core never replaces a file unless told to: the seller is asked here, by name.
    if (QFileInfo(dialog.path()).isFile()) {
        if (QMessageBox::question(this, tr("Export case file"),
                                  tr("%1 already exists. Replace it?")
                                      .arg(QDir::toNativeSeparators(dialog.path()))) != QMessageBox::Yes)
            return;
        options.replaceExisting = true;
    }
    exportCaseFile(dialog.path(), options);
}

void EvidencePane::choosePrint()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Print a case file"), lastDir(QStringLiteral("exportDir")),
                                                      tr("Case files (*.zip)"));
    if (file.isEmpty())
        return;
    rememberDir(QStringLiteral("exportDir"), file);
    auto report = CaseFileVerifier::report(file);
    if (!report) {
        showResult(false, tr("%1 has no report to print: %2").arg(QFileInfo(file).fileName(), report.error().message));
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(QFileInfo(file).completeBaseName());
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto printed = printCaseReport(report.value(), printer);
    if (!printed)
        showResult(false, tr("The case file was not printed: %1").arg(printed.error().message));
    else
        showResult(true, tr("%n page(s) of %1 sent to the printer.", nullptr, printed.value())
                             .arg(QFileInfo(file).fileName()));
}

void EvidencePane::chooseVerify()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Verify a case file"), lastDir(QStringLiteral("exportDir")),
                                     tr("Case files (*.zip);;All files (*)"));
    if (!file.isEmpty())
        verifyCaseFile(file);
}

void EvidencePane::showCustodyLog()
{
    if (m_ticketId <= 0)
        return;
    auto* dialog = new CustodyLogDialog(m_db, m_ticketId, caseNumber(m_ticketId), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void EvidencePane::copySelectedHash()
{
    QStringList hashes;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        hashes << QStringLiteral("%1  %2").arg(i.data(EvidenceModel::Sha256Role).toString(),
                                               m_model->record(i.row()).originalName);
    if (hashes.size() == 1)
        hashes.first() = hashes.first().section(QLatin1Char(' '), 0, 0); // one hash alone, to paste anywhere
    if (!hashes.isEmpty())
        QGuiApplication::clipboard()->setText(hashes.join(QLatin1Char('\n')));
}

void EvidencePane::acceptDropsOn(QWidget* target, std::function<qint64(QPoint)> ticketAt)
{
    target->setAcceptDrops(true);
    target->installEventFilter(this);
    m_dropTargets.insert(target, std::move(ticketAt));
}

bool EvidencePane::eventFilter(QObject* watched, QEvent* event)
{
    const auto t = event->type();
    if ((t != QEvent::DragEnter && t != QEvent::DragMove && t != QEvent::Drop) ||
        !m_dropTargets.contains(watched))
        return QWidget::eventFilter(watched, event);
    auto* drop = static_cast<QDropEvent*>(event);
    const QStringList files = droppedFiles(drop->mimeData());
    const auto& ticketAt = m_dropTargets.value(watched);
    if (files.isEmpty() || (!ticketAt && onlyMail(files)))
        return false; // not ours: the target handles it (the window imports .eml files)
    const qint64 ticket = ticketAt ? ticketAt(drop->position().toPoint()) : m_ticketId;
    if (ticket <= 0) {
        drop->ignore();
        return true;
    }
    drop->acceptProposedAction();
    if (t == QEvent::Drop)
        addFiles(ticket, files);
    return true;
}

void EvidencePane::dragEnterEvent(QDragEnterEvent* event)
{
    if (m_ticketId > 0 && !droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void EvidencePane::dropEvent(QDropEvent* event)
{
    const QStringList files = droppedFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    addFiles(m_ticketId, files);
}

} // namespace casebook::ui
