#include "case_export_dialog.h"

#include "casefile/case_file_labels.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace casebook::ui {

CaseExportDialog::CaseExportDialog(int caseNumber, const QString& defaultPath, QWidget* parent)
    : QDialog(parent), m_path(new QLineEdit(defaultPath)),
      m_notes(new QCheckBox(tr("Include internal notes in the timeline"))),
      m_mask(new QCheckBox(tr("Mask the customer's phone number and e-mail address")))
{
    setObjectName(QStringLiteral("caseExportDialog"));
    setWindowTitle(tr("Export case file #%1").arg(caseNumber));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_notes->setObjectName(QStringLiteral("exportIncludeNotes"));
    m_mask->setObjectName(QStringLiteral("exportMaskContact"));
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, &CaseExportDialog::browse);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto* explain =
        new QLabel(tr("One ZIP file with a PDF report, the evidence originals, the raw messages, "
                      "a manifest and SHA256SUMS, so anyone can check that nothing was changed."));
    explain->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(explain);
    form->addRow(tr("Save as:"), pathRow);
    form->addRow(m_notes);
    form->addRow(m_mask);
    form->addRow(buttons);
    resize(560, sizeHint().height());
}

QString CaseExportDialog::path() const
{
    return m_path->text().trimmed();
}

CaseFileOptions CaseExportDialog::options() const
{
    CaseFileOptions o;
    o.includeNotes = m_notes->isChecked();
    o.maskContact = m_mask->isChecked();
    o.language = case_file_labels::defaultLanguage(); // the window's language (UiLanguage sets the locale)
    return o;
}

void CaseExportDialog::browse()
{
    const QString chosen =
        // The pane asks before replacing a file (also for a typed path), so the dialog does not ask twice.
        QFileDialog::getSaveFileName(this, windowTitle(), path(), tr("Case files (*.zip)"), nullptr,
                                     QFileDialog::DontConfirmOverwrite);
    if (!chosen.isEmpty())
        m_path->setText(chosen.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)
                            ? chosen
                            : chosen + QStringLiteral(".zip"));
}

} // namespace casebook::ui
