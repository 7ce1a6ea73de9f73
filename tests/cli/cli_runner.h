#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <catch2/catch.hpp>

namespace casebook::test {

// One run of the real casebook-cli, as a user would start it.
struct Run {
    int code = -1;
    QString out;
    QString err;
};

inline Run cli(const QStringList& args,
               const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CASEBOOK_CLI), args);
    REQUIRE(p.waitForFinished(180000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace casebook::test
