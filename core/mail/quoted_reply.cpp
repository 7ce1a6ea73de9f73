#include "mail/quoted_reply.h"

#include "mail/forwarded_mail.h"

#include <QRegularExpression>
#include <QStringList>

namespace casebook {
namespace {

bool isAttribution(const QString& line)
{
    static const QRegularExpression english(QStringLiteral("^on\\b.{4,300}\\bwrote\\s*:$"),
                                            QRegularExpression::CaseInsensitiveOption);
    // Gmail in Korean: "2026년 12월 1일 (월) 오후 3:00, 김민수 <kim@example.com>님이 작성:"; Naver and
    // Daum: "… 님이 보낸 메일:"/"… 작성:".
    static const QRegularExpression korean(
        QStringLiteral("^\\d{4}.{4,300}(님이 작성|작성|님이 보낸 메일)\\s*:$"));
    return english.match(line).hasMatch() || korean.match(line).hasMatch();
}

// Gmail and Apple Mail wrap a long attribution ("On …, Name <address" then "address> wrote:"): a short
// next line that ends as an attribution ends is read together with this one.
bool isWrappedAttribution(const QString& line, const QString& next)
{
    static const QRegularExpression tail(QStringLiteral("(wrote|작성|님이 보낸 메일)\\s*:$"),
                                         QRegularExpression::CaseInsensitiveOption);
    return next.size() < 60 && tail.match(next).hasMatch() && !isAttribution(next) &&
           isAttribution(line + QLatin1Char(' ') + next);
}

// Outlook quotes the answered mail under its header block, with no marker line above it in some versions.
bool opensHeaderBlock(const QStringList& lines, qsizetype i)
{
    static const QRegularExpression from(QStringLiteral("^\\*?(from|보낸 ?사람)\\*?\\s*[:：]"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression sent(QStringLiteral("^\\*?(sent|date|보낸 ?날짜|날짜)\\*?\\s*[:：]"),
                                         QRegularExpression::CaseInsensitiveOption);
    if (!from.match(lines[i].trimmed()).hasMatch())
        return false;
    for (qsizetype j = i + 1; j < lines.size() && j <= i + 3; ++j)
        if (sent.match(lines[j].trimmed()).hasMatch())
            return true;
    return false;
}

} // namespace

QString withoutQuotedReply(const QString& text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QStringList own;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        const QString next = i + 1 < lines.size() ? lines[i + 1].trimmed() : QString();
        if (isQuotedMailMarker(line) || isAttribution(line) || isWrappedAttribution(line, next) ||
            opensHeaderBlock(lines, i))
            break; // everything below is the mail answered
        if (line.startsWith(QLatin1Char('>')))
            continue; // a quoted line between the writer's own (bottom or interleaved posting)
        own << lines[i];
    }
    const QString kept = own.join(QLatin1Char('\n')).trimmed();
    return kept.isEmpty() ? text.trimmed() : kept;
}

} // namespace casebook
