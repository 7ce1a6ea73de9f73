#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <catch2/catch.hpp>

namespace casebook::test {

// Hostile names every mailbox eventually sees, and what must never survive sanitising.
inline const QStringList kHostileNames{
    QStringLiteral("../../x"),
    QStringLiteral("/etc/passwd"),
    QStringLiteral("..\\..\\windows\\system32\\evil.dll"),
    QStringLiteral("CON"),
    QStringLiteral("con.txt"),
    QStringLiteral("LPT1 .jpg"),
    QStringLiteral("invoice\u202Egpj.exe"),
    QStringLiteral("photo\u200B\u2066.jpg\u2069"),
    QStringLiteral("..."),
    QStringLiteral(""),
    QStringLiteral("-rf"),
    QStringLiteral("line\nbreak\r\t.txt"),
    QString(250, QLatin1Char('a')) + QStringLiteral(".jpg"),
    QString(5000, QLatin1Char('b')),
    QString(250, QChar(0xD55C)) + QStringLiteral(".png"), // 한 × 250: 750 bytes of UTF-8
    QString(100, QLatin1Char('c')) + QString::fromUtf8("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"),
};

inline void requireSafeName(const QString& s)
{
    INFO(s.toStdString());
    CHECK_FALSE(s.isEmpty());
    CHECK_FALSE(s.contains(QLatin1Char('/')));
    CHECK_FALSE(s.contains(QLatin1Char('\\')));
    CHECK_FALSE(s.startsWith(QLatin1Char('.')));
    CHECK_FALSE(s.startsWith(QLatin1Char('-')));
    CHECK_FALSE(s.endsWith(QLatin1Char('.')));
    CHECK(s.toUtf8().size() <= 180);
    CHECK(QString::fromUtf8(s.toUtf8()) == s); // no lone surrogates
    for (QChar c : s) {
        CHECK(c.category() != QChar::Other_Control);
        CHECK(c.category() != QChar::Other_Format);
    }
    CHECK_FALSE(QRegularExpression(QStringLiteral("^(con|prn|aux|nul|com\\d|lpt\\d)( *\\..*)?$"),
                                   QRegularExpression::CaseInsensitiveOption)
                    .match(s)
                    .hasMatch());
}

} // namespace casebook::test
