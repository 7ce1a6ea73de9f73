#pragma once

#include "casefile/case_file_entry.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace casebook::ui {

// Asks where a case file goes and what it shows: internal notes (off by default, they are the seller's own
// words) and the customer's contact details masked (for sharing beyond the marketplace or the police).
class CaseExportDialog : public QDialog {
    Q_OBJECT
public:
    CaseExportDialog(int caseNumber, const QString& defaultPath, QWidget* parent = nullptr);

    QString path() const;
    CaseFileOptions options() const;

private:
    void browse();

    QLineEdit* m_path;
    QCheckBox* m_notes;
    QCheckBox* m_mask;
};

} // namespace casebook::ui
