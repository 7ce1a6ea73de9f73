#include "csv_import_dialog.h"

#include "inbox/csv_importer.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace casebook::ui {
namespace {

QString fieldLabel(const QString& field)
{
    static const QHash<QString, const char*> labels = {
        {QStringLiteral("id"), QT_TRANSLATE_NOOP("CsvImportDialog", "Inquiry number")},
        {QStringLiteral("date"), QT_TRANSLATE_NOOP("CsvImportDialog", "Asked at")},
        {QStringLiteral("customer"), QT_TRANSLATE_NOOP("CsvImportDialog", "Customer name")},
        {QStringLiteral("customer_id"), QT_TRANSLATE_NOOP("CsvImportDialog", "Customer id")},
        {QStringLiteral("subject"), QT_TRANSLATE_NOOP("CsvImportDialog", "Subject")},
        {QStringLiteral("text"), QT_TRANSLATE_NOOP("CsvImportDialog", "Question (required)")},
        {QStringLiteral("answer"), QT_TRANSLATE_NOOP("CsvImportDialog", "Answer given")},
        {QStringLiteral("answer_date"), QT_TRANSLATE_NOOP("CsvImportDialog", "Answered at")},
        {QStringLiteral("order"), QT_TRANSLATE_NOOP("CsvImportDialog", "Order number")},
        {QStringLiteral("product"), QT_TRANSLATE_NOOP("CsvImportDialog", "Product")}};
    return QCoreApplication::translate("CsvImportDialog", labels.value(field));
}

} // namespace

CsvImportDialog::CsvImportDialog(Database& db, QString path, CsvTable table, QWidget* parent)
    : QDialog(parent), m_db(db), m_path(std::move(path)), m_table(std::move(table)), m_preset(new QComboBox),
      m_preview(new QTableWidget), m_problem(new QLabel)
{
    setObjectName(QStringLiteral("csvImportDialog"));
    setWindowTitle(tr("Import %1").arg(QFileInfo(m_path).fileName()));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("%n row(s), read as %1.", nullptr, static_cast<int>(m_table.rows.size())).arg(m_table.encoding)));
    auto* form = new QFormLayout;
    m_preset->setObjectName(QStringLiteral("csvPreset"));
    m_preset->addItem(tr("Kmong"), QStringLiteral("kmong"));
    m_preset->addItem(tr("11st"), QStringLiteral("11st"));
    m_preset->addItem(tr("Gmarket"), QStringLiteral("gmarket"));
    m_preset->addItem(tr("Coupang (export)"), QStringLiteral("coupang"));
    m_preset->addItem(tr("Naver SmartStore (export)"), QStringLiteral("naver"));
    m_preset->addItem(tr("Other board (generic)"), QStringLiteral("generic"));
    form->addRow(tr("Board:"), m_preset);
    for (const QString& field : csvFields()) {
        auto* box = new QComboBox;
        box->setObjectName(QStringLiteral("csvField_") + field);
        box->addItem(tr("(not in the file)"), -1);
        for (int i = 0; i < m_table.header.size(); ++i)
            box->addItem(m_table.header[i], i);
        m_fields.insert(field, box);
        form->addRow(fieldLabel(field), box);
    }
    layout->addLayout(form);
    const int shown = std::min<int>(5, static_cast<int>(m_table.rows.size()));
    m_preview->setColumnCount(static_cast<int>(m_table.header.size()));
    m_preview->setHorizontalHeaderLabels(m_table.header);
    m_preview->setRowCount(shown);
    for (int r = 0; r < shown; ++r)
        for (int c = 0; c < m_table.rows[r].size() && c < m_table.header.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(m_table.rows[r][c].simplified()));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_preview);
    m_problem->setObjectName(QStringLiteral("csvProblem"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* run = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    run->setObjectName(QStringLiteral("csvImportButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(run, &QPushButton::clicked, this, &CsvImportDialog::runImport);
    layout->addWidget(buttons);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &CsvImportDialog::applyPreset);
    // The board the header row says (core's rule, as the CLI's), else the generic columns.
    const auto detected = CsvMapping::detect(m_table.header);
    const int preset = m_preset->findData(detected ? detected->source : QStringLiteral("generic"));
    m_preset->setCurrentIndex(preset >= 0 ? preset : m_preset->count() - 1);
    applyPreset();
}

void CsvImportDialog::applyPreset()
{
    auto preset = CsvMapping::preset(m_preset->currentData().toString());
    if (!preset)
        return;
    for (const QString& field : csvFields()) {
        int column = -1;
        for (const QString& name : preset->columns.value(field))
            if ((column = static_cast<int>(m_table.header.indexOf(name))) >= 0)
                break;
        QComboBox* box = m_fields.value(field);
        box->setCurrentIndex(std::max(0, box->findData(column)));
    }
}

CsvMapping CsvImportDialog::mapping() const
{
    CsvMapping m;
    m.source = m_preset->currentData().toString();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        if (const int column = it.value()->currentData().toInt(); column >= 0)
            m.columns.insert(it.key(), {m_table.header[column]});
    return m;
}

void CsvImportDialog::runImport()
{
    auto report = importCsv(m_db, m_table, mapping(), m_path);
    if (!report) {
        m_problem->setText(report.error().message);
        return;
    }
    m_summary = tr("%1: %2 message(s) imported, %3 already there, %4 new ticket(s).")
                    .arg(QFileInfo(m_path).fileName())
                    .arg(report->imported)
                    .arg(report->duplicates)
                    .arg(report->ticketsCreated);
    if (!report->problems.isEmpty())
        m_summary +=
            QLatin1Char(' ') + tr("%n row(s) skipped.", nullptr, static_cast<int>(report->problems.size()));
    accept();
}

QString CsvImportDialog::chooseAndImport(Database& db, QWidget* parent)
{
    const QString path = QFileDialog::getOpenFileName(parent, tr("Import a board's CSV export"), QString(),
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return {};
    auto table = readCsvFile(path);
    if (!table) {
        QMessageBox::warning(parent, tr("Import CSV"), table.error().message);
        return {};
    }
    CsvImportDialog dialog(db, path, std::move(table.value()), parent);
    return dialog.exec() == QDialog::Accepted ? dialog.summary() : QString();
}

} // namespace casebook::ui
