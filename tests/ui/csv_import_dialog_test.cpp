#include "csv_import_dialog.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <catch2/catch.hpp>

using namespace casebook;

TEST_CASE("CSV dialog: a preset picks the columns, the seller can change them, import adds once", "[ui][csv]")
{
    test::TempStore store;
    auto table = readCsvFile(test::testData(QStringLiteral("csv/11st_cp949.csv")));
    REQUIRE(table);
    ui::CsvImportDialog dialog(*store.db, QStringLiteral("qna.csv"), table.value());
    dialog.presetBox()->setCurrentIndex(dialog.presetBox()->findData(QStringLiteral("11st")));
    CHECK(dialog.fieldBox(QStringLiteral("text"))->currentText() == QStringLiteral("문의내용"));
    CHECK(dialog.fieldBox(QStringLiteral("order"))->currentText() == QStringLiteral("주문번호"));
    // The seller leaves the answers out.
    dialog.fieldBox(QStringLiteral("answer"))->setCurrentIndex(0);
    const CsvMapping m = dialog.mapping();
    CHECK(m.source == QStringLiteral("11st"));
    CHECK_FALSE(m.columns.contains(QStringLiteral("answer")));
    dialog.findChild<QPushButton*>(QStringLiteral("csvImportButton"))->click();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.summary().contains(QStringLiteral("3 message(s) imported")));
    CHECK(ticket_queries::stats(store.db->reader()).tickets == 3);
}

TEST_CASE("CSV dialog: a file without a date is imported only when the seller ticks the box", "[ui][csv]")
{
    test::TempStore store;
    auto table = readCsvFile(test::testData(QStringLiteral("csv/no_date_bom.csv")));
    REQUIRE(table);
    ui::CsvImportDialog dialog(*store.db, QStringLiteral("no_date.csv"), table.value());
    // The presets come from core's data, not a list of the dialog's own.
    CHECK(dialog.presetBox()->count() == CsvMapping::presetNames().size());
    CHECK(dialog.fieldBox(QStringLiteral("date"))->currentIndex() == 0);
    auto* undated = dialog.findChild<QCheckBox*>(QStringLiteral("csvUndated"));
    REQUIRE(undated);
    CHECK_FALSE(undated->isHidden());
    CHECK_FALSE(dialog.findChild<QLabel*>(QStringLiteral("csvProblem"))->text().isEmpty());
    auto* import = dialog.findChild<QPushButton*>(QStringLiteral("csvImportButton"));
    import->click();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(ticket_queries::stats(store.db->reader()).tickets == 0);
    undated->setChecked(true);
    CHECK(dialog.mapping().allowUndated);
    import->click();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(ticket_queries::stats(store.db->reader()).tickets > 0);
}

TEST_CASE("CSV dialog: the box is hidden once a date column is chosen", "[ui][csv]")
{
    test::TempStore store;
    auto table = readCsvFile(test::testData(QStringLiteral("csv/11st_written_bom.csv")));
    REQUIRE(table);
    ui::CsvImportDialog dialog(*store.db, QStringLiteral("q.csv"), table.value());
    CHECK(dialog.fieldBox(QStringLiteral("date"))->currentText() == QStringLiteral("작성일"));
    CHECK(dialog.findChild<QCheckBox*>(QStringLiteral("csvUndated"))->isHidden());
    dialog.findChild<QCheckBox*>(QStringLiteral("csvUndated"))->setChecked(true);
    CHECK_FALSE(dialog.mapping().allowUndated);
}
