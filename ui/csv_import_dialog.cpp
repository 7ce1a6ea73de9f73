#include "csv_import_dialog.h"

#include "inbox/csv_importer.h"

#include <QCheckBox>
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

// The name a seller knows a preset by; the presets themselves are core's data (presets.json).
QString presetLabel(const QString& name)
{
    static const QHash<QString, const char*> labels = {
        {QStringLiteral("kmong"), QT_TRANSLATE_NOOP("CsvImportDialog", "Kmong")},
        {QStringLiteral("11st"), QT_TRANSLATE_NOOP("CsvImportDialog", "11st")},
        {QStringLiteral("gmarket"), QT_TRANSLATE_NOOP("CsvImportDialog", "Gmarket")},
        {QStringLiteral("coupang"), QT_TRANSLATE_NOOP("CsvImportDialog", "Coupang (export)")},
        {QStringLiteral("naver"), QT_TRANSLATE_NOOP("CsvImportDialog", "Naver SmartStore (export)")},
        {QStringLiteral("generic"), QT_TRANSLATE_NOOP("CsvImportDialog", "Other board (generic)")}};
    const char* label = labels.value(name);
    return label ? QCoreApplication::translate("CsvImportDialog", label) : name;
}

} // namespace

CsvImportDialog::CsvImportDialog(Database& db, QString path, CsvTable table, QWidget* parent)
    : QDialog(parent), m_db(db), m_path(std::move(path)), m_table(std::move(table)), m_preset(new QComboBox),
      m_preview(new QTableWidget), m_problem(new QLabel), m_undated(new QCheckBox)
{
    setObjectName(QStringLiteral("csvImportDialog"));
    setWindowTitle(tr("Import %1").arg(QFileInfo(m_path).fileName()));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("%n row(s), read as %1.", nullptr, static_cast<int>(m_table.rows.size())).arg(m_table.encoding)));
    auto* form = new QFormLayout;
    m_preset->setObjectName(QStringLiteral("csvPreset"));
    for (const QString& name : CsvMapping::presetNames())
        m_preset->addItem(presetLabel(name), name);
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
    // Without a date column every row would be dated now, and its answer clock started now: the seller says
    // so knowingly (the CLI's --undated), never by default.
    m_undated->setObjectName(QStringLiteral("csvUndated"));
    m_undated->setText(tr("The file has no date column: date every row now (answer clocks start now)"));
    layout->addWidget(m_undated);
    connect(m_fields.value(QStringLiteral("date")), &QComboBox::currentIndexChanged, this,
            &CsvImportDialog::showDateState);
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

void CsvImportDialog::showDateState()
{
    const bool dated = m_fields.value(QStringLiteral("date"))->currentData().toInt() >= 0;
    m_undated->setVisible(!dated);
    m_problem->setText(dated ? QString()
                             : tr("No column is chosen for the date the customer asked. Choose it above, or "
                                  "tick the box below to date the rows at import."));
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
    showDateState();
}

CsvMapping CsvImportDialog::mapping() const
{
    CsvMapping m;
    m.source = m_preset->currentData().toString();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        if (const int column = it.value()->currentData().toInt(); column >= 0)
            m.columns.insert(it.key(), {m_table.header[column]});
    m.allowUndated = !m.columns.contains(QStringLiteral("date")) && m_undated->isChecked();
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
