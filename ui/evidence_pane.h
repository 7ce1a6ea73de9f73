#pragma once

#include "casefile/case_file_entry.h"
#include "store/database.h"

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTreeView;

namespace casebook::ui {

class EvidenceModel;
class WorkerJob;

// The evidence of the selected case: thumbnails, sizes, times, hashes and notes; files added by drag and
// drop or a file dialog, mail attachments promoted, the case file exported and verified, the custody log
// shown. Every long job runs on a worker thread with progress and cancel; its outcome shows in a bar below.
class EvidencePane : public QWidget {
    Q_OBJECT
public:
    explicit EvidencePane(Database& db, QWidget* parent = nullptr);

    void showTicket(qint64 ticketId);
    qint64 ticketId() const { return m_ticketId; }
    EvidenceModel* model() const { return m_model; }
    QString resultText() const;
    bool busy() const;

    // Files dropped on `target` become evidence: of the ticket `ticketAt` finds under the cursor when given
    // (a ticket list), otherwise of the ticket shown here; drops of .eml files only are left to `target`
    // (the window imports those as mail).
    void acceptDropsOn(QWidget* target, std::function<qint64(QPoint)> ticketAt = {});

    // The paths the drop and the file dialog take; false when another job is still running.
    bool addFiles(qint64 ticketId, const QStringList& paths, const QString& note = {});
    bool promoteAttachment(qint64 attachmentId);
    bool exportCaseFile(const QString& path, const CaseFileOptions& options);
    bool verifyCaseFile(const QString& path);

    void chooseFilesToAdd();
    void chooseExport();
    void chooseVerify();
    // File → Print case file…: a case file (the last one exported or verified, else chosen), then the print
    // dialog, then its report page by page.
    void choosePrint();
    void showCustodyLog();
    void copySelectedHash();

Q_SIGNALS:
    void evidenceChanged(qint64 ticketId);
    // Any job's end: whether it succeeded and the sentence the result bar shows.
    void jobFinished(bool ok, const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void showResult(bool ok, const QString& text, const QString& folder = {});
    void updateTitle();
    void fitToEvidence(bool hasEvidence);
    int caseNumber(qint64 ticketId) const;

    Database& m_db;
    qint64 m_ticketId = 0;
    EvidenceModel* m_model;
    WorkerJob* m_job;
    QLabel* m_title;
    QTreeView* m_view;
    QPushButton* m_add;
    QPushButton* m_export;
    QPushButton* m_verify;
    QPushButton* m_custody;
    QWidget* m_result;
    QLabel* m_resultText;
    QPushButton* m_openFolder;
    QString m_resultFolder;
    QHash<QObject*, std::function<qint64(QPoint)>> m_dropTargets;
};

} // namespace casebook::ui
