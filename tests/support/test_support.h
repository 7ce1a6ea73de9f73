#pragma once

#include "model/clock.h"
#include "store/database.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace casebook::test {

// A fresh database in its own temporary folder, with a clock the test controls.
struct TempStore {
    TempStore();
    QTemporaryDir dir;
    FixedClock clock;
    std::unique_ptr<Database> db;
    QString path() const { return dir.filePath(QStringLiteral("casebook.sqlite")); }
};

QByteArray readFile(const QString& path);
QString testData(const QString& relative);

} // namespace casebook::test

#include <catch2/catch.hpp>

namespace Catch {
template <>
struct StringMaker<QString> {
    static std::string convert(const QString& s) { return '"' + s.toStdString() + '"'; }
};
template <>
struct StringMaker<QStringList> {
    static std::string convert(const QStringList& l) { return '[' + l.join(QStringLiteral(", ")).toStdString() + ']'; }
};
} // namespace Catch
