#include "mail/forwarded_mail.h"

#include <QRegularExpression>
#include <QStringList>

namespace casebook {
namespace {

// How far below the marker the From line may be: Gmail puts it first, Outlook after a blank line.
constexpr int kHeaderLinesAfterMarker = 8;

std::optional<ForwardedHeader> senderOf(const QString& value)
{
    static const QRegularExpression angle(QStringLiteral("<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>"));
    static const QRegularExpression bare(
        QStringLiteral("([^\\s<>\"'\\[\\]():;,]+@[^\\s<>\"'\\[\\]():;,]+\\.[A-Za-z]{2,})"));
    // Outlook: "Kim, Minsu [mailto:Minsu.Kim@corp.example]".
    static const QRegularExpression mailto(QStringLiteral("\\[mailto:\\s*([^\\]\\s]+@[^\\]\\s]+)\\s*\\]"),
                                           QRegularExpression::CaseInsensitiveOption);
    ForwardedHeader h;
    if (const auto m = mailto.match(value); m.hasMatch()) {
        h.fromAddress = m.captured(1).toLower();
        h.fromName = value.left(m.capturedStart()).trimmed();
    } else if (const auto m = angle.match(value); m.hasMatch()) {
        h.fromAddress = m.captured(1).toLower();
        h.fromName = value.left(m.capturedStart()).trimmed();
    } else if (const auto b = bare.match(value); b.hasMatch()) {
        h.fromAddress = b.captured(1).toLower();
        h.fromName = value.left(b.capturedStart()).trimmed();
    } else {
        return std::nullopt;
    }
    // Naver quotes the name: the quotes are no part of it.
    static const QRegularExpression noise(QStringLiteral("^[\"']+|[\"']+$"));
    h.fromName = h.fromName.remove(noise).trimmed();
    return h;
}

} // namespace

bool isQuotedMailMarker(const QString& line)
{
    static const QRegularExpression marker(
        QStringLiteral("^[-=_ ]*(forwarded message|original message|전달된 메일|전달된 메시지|원본 메시지|"
                       "원본 메일|전달 메시지|begin forwarded message:?)[-=_ ]*$|^_{10,}$"),
        QRegularExpression::CaseInsensitiveOption);
    return marker.match(line.trimmed()).hasMatch();
}

bool isForwardSubject(const QString& subject)
{
    static const QRegularExpression forward(QStringLiteral("^\\s*(\\[\\s*)?(fwd?|fw|전달)\\s*[:：]"),
                                            QRegularExpression::CaseInsensitiveOption);
    return forward.match(subject).hasMatch();
}

std::optional<ForwardedHeader> inlineForwardSender(const QString& text)
{
    static const QRegularExpression fromLine(
        QStringLiteral("^(?:>\\s*)*(?:\\*)?(?:from|보낸 ?사람|보낸이|발신자|발신)(?:\\*)?\\s*[:：]\\s*(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!isQuotedMailMarker(lines[i]))
            continue;
        for (qsizetype j = i + 1; j < lines.size() && j <= i + kHeaderLinesAfterMarker; ++j) {
            const auto m = fromLine.match(lines[j].trimmed());
            if (m.hasMatch())
                return senderOf(m.captured(1));
        }
        return std::nullopt; // the first marker decides: later ones are older mail quoted inside it
    }
    return std::nullopt;
}

QString forwardedText(const ForwardedBlock& f)
{
    QString out = QStringLiteral("\n\n---------- Forwarded message ----------\n");
    out += QStringLiteral("From: %1\n").arg(f.from);
    if (!f.date.isEmpty())
        out += QStringLiteral("Date: %1\n").arg(f.date);
    out += QStringLiteral("Subject: %1\n").arg(f.subject);
    if (!f.to.isEmpty())
        out += QStringLiteral("To: %1\n").arg(f.to);
    return out + QLatin1Char('\n') + f.text.trimmed() + QLatin1Char('\n');
}

QString forwardedHtml(const ForwardedBlock& f)
{
    const auto line = [](const char* key, const QString& v) {
        return v.isEmpty() ? QString()
                           : QStringLiteral("<b>%1:</b> %2<br>").arg(QLatin1String(key), v.toHtmlEscaped());
    };
    QString body = f.text.trimmed().toHtmlEscaped();
    body.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return QStringLiteral("<hr><p><b>---------- Forwarded message ----------</b><br>") +
           line("From", f.from) + line("Date", f.date) + line("Subject", f.subject) + line("To", f.to) +
           QStringLiteral("</p><p>") + body + QStringLiteral("</p>");
}

} // namespace casebook
