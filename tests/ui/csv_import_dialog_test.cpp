#include "csv_import_dialog.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QComboBox>
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
