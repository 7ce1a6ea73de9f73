#include "support/test_support.h"

#include <QFile>

#include <catch2/catch.hpp>

namespace casebook::test {

TempStore::TempStore() : clock(QDateTime(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc()))
{
    REQUIRE(dir.isValid());
    auto opened = Database::open(path(), clock, {.quickCheck = true});
    if (!opened)
        FAIL(opened.error().message.toStdString());
    db = std::move(opened.value());
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        FAIL("cannot read " << path.toStdString());
    return f.readAll();
}

QString testData(const QString& relative)
{
    return QStringLiteral(CASEBOOK_TEST_DATA "/") + relative;
}

} // namespace casebook::test
