#include "demo/demo_dates.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <array>
#include <cstdlib>

namespace casebook::demo_dates {
namespace {

const std::array<QString, 12> kMonths{
    QStringLiteral("January"), QStringLiteral("February"), QStringLiteral("March"),     QStringLiteral("April"),
    QStringLiteral("May"),     QStringLiteral("June"),     QStringLiteral("July"),      QStringLiteral("August"),
    QStringLiteral("September"), QStringLiteral("October"), QStringLiteral("November"), QStringLiteral("December")};
const std::array<QString, 7> kDays{QStringLiteral("Monday"),   QStringLiteral("Tuesday"), QStringLiteral("Wednesday"),
                                   QStringLiteral("Thursday"), QStringLiteral("Friday"),  QStringLiteral("Saturday"),
                                   QStringLiteral("Sunday")};
const QString kKoreanDays = QStringLiteral("월화수목금토일");

// Month names as the demo writes them ("March", "Mar", "Sept"); "May" alone is a verb too often to be read
// as a month without a day after it.
const QString kMonthWord = QStringLiteral(
    "January|February|March|April|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec");

const QRegularExpression& pattern()
{
    static const QRegularExpression re(
        QStringLiteral(
            // 2026-03-04, 2026.03.05
            "(?<iy>20\\d\\d)(?<isep>[-.])(?<im>\\d\\d)\\k<isep>(?<id>\\d\\d)(?!\\d)"
            // 2026년 3월 12일, 3월 9일
            "|(?:(?<ky>20\\d\\d)년\\s*)?(?<km>\\d{1,2})월\\s*(?<kd>\\d{1,2})일"
            // 2월 (a month alone: "2월 2주차", "4월 말")
            "|(?:(?<kly>작년)\\s*)?(?<!\\d)(?<kmo>\\d{1,2})월(?!\\s*\\d{1,2}일)"
            // 2 Mar 2026 (a quoted header)
            "|(?<!\\d)(?<dd>\\d{1,2})\\s+(?<dm>%1)\\s+(?<dy>20\\d\\d)"
            // March 5, Mar 6, 2026, March 12-19
            "|\\b(?<em>%1)\\.?\\s+(?<ed>\\d{1,2})(?!\\d|:)(?:-(?<ed2>\\d{1,2}))?(?:,\\s*(?<ey>20\\d\\d))?"
            // April (a month alone, written out)
            "|\\b(?<emo>January|February|March|April|June|July|August|September|October|November|December)\\b"
            // 3/9, 3/6/2026
            "|(?<![\\d/.,])(?<sm>\\d{1,2})/(?<sd>\\d{1,2})(?:/(?<sy>20\\d\\d))?(?![\\d/])"
            // 목요일, (목), Thursday, Thu
            "|(?<kw>[월화수목금토일])요일"
            "|\\((?<kp>[월화수목금토일])\\)"
            "|\\b(?<ew>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|Fri|"
            "Sat|Sun)\\b")
            .arg(kMonthWord));
    return re;
}

int monthOf(const QString& word)
{
    for (int m = 0; m < 12; ++m)
        if (kMonths[std::size_t(m)].startsWith(word.left(3)))
            return m + 1;
    return 0;
}

// A date written without a year is the one nearest the day the message was written.
QDate placed(const QDate& written, int month, int day)
{
    QDate best;
    for (int year : {written.year() - 1, written.year(), written.year() + 1}) {
        const QDate d(year, month, day);
        if (d.isValid() && (!best.isValid() || std::abs(d.daysTo(written)) < std::abs(best.daysTo(written))))
            best = d;
    }
    return best;
}

QString number(int value, const QString& like)
{
    return like.size() == 2 && like.startsWith(QLatin1Char('0')) ? QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'))
                                                                  : QString::number(value);
}

QString monthWord(int month, const QString& like)
{
    const QString& full = kMonths[std::size_t(month - 1)];
    return like.size() <= 4 && like != QLatin1String("June") && like != QLatin1String("July") ? full.left(3) : full;
}

struct Piece {
    qsizetype start;
    qsizetype length;
    QString text;
};

// The match with its numbers and names replaced, everything between them kept.
QString rebuilt(const QRegularExpressionMatch& m, QList<Piece> pieces)
{
    QString out = m.captured();
    std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.start > b.start; });
    for (const Piece& p : pieces)
        out.replace(p.start - m.capturedStart(), p.length, p.text);
    return out;
}

Piece piece(const QRegularExpressionMatch& m, const QString& group, const QString& text)
{
    return {m.capturedStart(group), m.capturedLength(group), text};
}

QString replacement(const QRegularExpressionMatch& m, const QDate& written, int days)
{
    const int turn = ((days % 7) + 7) % 7;
    const auto has = [&](const char* g) { return m.capturedStart(QString::fromLatin1(g)) >= 0; };
    const auto num = [&](const char* g) { return m.captured(QString::fromLatin1(g)).toInt(); };
    if (has("iy")) {
        const QDate d = QDate(num("iy"), num("im"), num("id")).addDays(days);
        if (!d.isValid())
            return m.captured();
        return rebuilt(m, {piece(m, QStringLiteral("iy"), QString::number(d.year())),
                           piece(m, QStringLiteral("im"), number(d.month(), m.captured(QStringLiteral("im")))),
                           piece(m, QStringLiteral("id"), number(d.day(), m.captured(QStringLiteral("id"))))});
    }
    if (has("km")) {
        const QDate from = has("ky") ? QDate(num("ky"), num("km"), num("kd")) : placed(written, num("km"), num("kd"));
        if (!from.isValid())
            return m.captured();
        const QDate d = from.addDays(days);
        QList<Piece> pieces{piece(m, QStringLiteral("km"), QString::number(d.month())),
                            piece(m, QStringLiteral("kd"), QString::number(d.day()))};
        if (has("ky"))
            pieces << piece(m, QStringLiteral("ky"), QString::number(d.year()));
        return rebuilt(m, pieces);
    }
    if (has("kmo")) {
        // "작년 11월" (last year's November) may become this year's month once moved.
        const bool lastYear = has("kly");
        const QDate from = lastYear ? QDate(written.year() - 1, num("kmo"), 15) : placed(written, num("kmo"), 15);
        if (!from.isValid())
            return m.captured();
        const QDate to = from.addDays(days);
        QList<Piece> pieces{piece(m, QStringLiteral("kmo"), QString::number(to.month()))};
        if (lastYear && to.year() == written.addDays(days).year())
            pieces << piece(m, QStringLiteral("kly"), QStringLiteral("올해"));
        return rebuilt(m, pieces);
    }
    if (has("dm")) {
        const QDate from(num("dy"), monthOf(m.captured(QStringLiteral("dm"))), num("dd"));
        if (!from.isValid())
            return m.captured();
        const QDate d = from.addDays(days);
        return rebuilt(m, {piece(m, QStringLiteral("dd"), QString::number(d.day())),
                           piece(m, QStringLiteral("dm"), monthWord(d.month(), m.captured(QStringLiteral("dm")))),
                           piece(m, QStringLiteral("dy"), QString::number(d.year()))});
    }
    if (has("em")) {
        const int month = monthOf(m.captured(QStringLiteral("em")));
        const QDate from = has("ey") ? QDate(num("ey"), month, num("ed")) : placed(written, month, num("ed"));
        if (!from.isValid())
            return m.captured();
        const QDate d = from.addDays(days);
        QList<Piece> pieces{piece(m, QStringLiteral("em"), monthWord(d.month(), m.captured(QStringLiteral("em")))),
                            piece(m, QStringLiteral("ed"), QString::number(d.day()))};
        if (has("ed2"))
            pieces << piece(m, QStringLiteral("ed2"),
                            QString::number(from.addDays(num("ed2") - num("ed") + days).day()));
        if (has("ey"))
            pieces << piece(m, QStringLiteral("ey"), QString::number(d.year()));
        return rebuilt(m, pieces);
    }
    if (has("emo")) {
        const QDate from = placed(written, monthOf(m.captured(QStringLiteral("emo"))), 15);
        return rebuilt(m, {piece(m, QStringLiteral("emo"), kMonths[std::size_t(from.addDays(days).month() - 1)])});
    }
    if (has("sm")) {
        const QDate from = has("sy") ? QDate(num("sy"), num("sm"), num("sd")) : placed(written, num("sm"), num("sd"));
        // Without a year, only a day near the message is a date ("1/2" of a recipe is not).
        if (!from.isValid() || (!has("sy") && std::abs(from.daysTo(written)) > 60))
            return m.captured();
        const QDate d = from.addDays(days);
        QList<Piece> pieces{piece(m, QStringLiteral("sm"), number(d.month(), m.captured(QStringLiteral("sm")))),
                            piece(m, QStringLiteral("sd"), number(d.day(), m.captured(QStringLiteral("sd"))))};
        if (has("sy"))
            pieces << piece(m, QStringLiteral("sy"), QString::number(d.year()));
        return rebuilt(m, pieces);
    }
    for (const char* g : {"kw", "kp"})
        if (has(g)) {
            const QString group = QString::fromLatin1(g);
            const qsizetype i = kKoreanDays.indexOf(m.captured(group));
            return rebuilt(m, {piece(m, group, QString(kKoreanDays.at((i + turn) % 7)))});
        }
    if (has("ew")) {
        const QString w = m.captured(QStringLiteral("ew"));
        qsizetype i = 0;
        while (!kDays[std::size_t(i)].startsWith(w.left(3)))
            ++i;
        const QString& to = kDays[std::size_t((i + turn) % 7)];
        return w == kDays[std::size_t(i)] ? to : to.left(3);
    }
    return m.captured();
}

} // namespace

QString shift(const QString& text, const QDate& written, int days)
{
    if (days == 0 || text.isEmpty())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype at = 0;
    for (auto it = pattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(at, m.capturedStart() - at);
        out += replacement(m, written, days);
        at = m.capturedEnd();
    }
    out += QStringView(text).mid(at);
    return out;
}

} // namespace casebook::demo_dates
