#pragma once

#include "sources/csv_source.h"
#include "store/database.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace casebook::ui {

// File → Import → CSV: which column of a board's export is the question, the date, the customer… A preset
// fills the choices; any of them can be changed before importing. Importing the same file again adds nothing.
class CsvImportDialog : public QDialog {
    Q_OBJECT
public:
    CsvImportDialog(Database& db, QString path, CsvTable table, QWidget* parent = nullptr);

    // Asks for a file, shows the dialog; returns the summary for the status bar, empty when nothing was done.
    static QString chooseAndImport(Database& db, QWidget* parent);

    CsvMapping mapping() const;
    const QString& summary() const { return m_summary; }
    QComboBox* presetBox() const { return m_preset; }
    QComboBox* fieldBox(const QString& field) const { return m_fields.value(field); }

private:
    void applyPreset();
    void runImport();
    void showDateState();

    Database& m_db;
    QString m_path;
    CsvTable m_table;
    QComboBox* m_preset;
    QHash<QString, QComboBox*> m_fields;
    QTableWidget* m_preview;
    QLabel* m_problem;
    QCheckBox* m_undated;
    QString m_summary;
};

} // namespace casebook::ui
