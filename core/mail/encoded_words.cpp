#include "mail/encoded_words.h"

#include "mail/charset.h"

#include <QList>
#include <QStringDecoder>
#include <cctype>
#include <optional>

namespace casebook {
namespace {

struct EncodedWord {
    qsizetype begin = 0;
    qsizetype end = 0;  // one past the closing "?="
    QByteArray charset; // lower case, RFC 2231 language ("*ko") removed
    QByteArray bytes;   // the payload, transfer-decoded but not charset-converted
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QByteArray decodeQ(const QByteArray& text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            out += ' ';
        } else if (c == '=' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
                   hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

// The encoded word starting at `at` ("=?charset?B|Q?text?="), or none when the bytes there are not one.
std::optional<EncodedWord> wordAt(const QByteArray& s, qsizetype at)
{
    if (!s.mid(at, 2).startsWith("=?"))
        return std::nullopt;
    const qsizetype q1 = s.indexOf('?', at + 2);
    if (q1 < 0 || q1 + 3 >= s.size() || s[q1 + 2] != '?')
        return std::nullopt;
    const char enc = s[q1 + 1];
    if (enc != 'B' && enc != 'b' && enc != 'Q' && enc != 'q')
        return std::nullopt;
    // The text starts after "?B?" (q1 + 3) and may itself start with "=" (Q's "=B9"): "?=" is searched from
    // there, so an empty text is the "?=" right at its start.
    const qsizetype close = s.indexOf("?=", q1 + 3);
    if (close < 0)
        return std::nullopt;
    EncodedWord w;
    w.begin = at;
    w.end = close + 2;
    w.charset = s.mid(at + 2, q1 - at - 2).toLower();
    for (char c : w.charset) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            return std::nullopt;
    }
    if (w.charset.isEmpty())
        return std::nullopt;
    if (const qsizetype star = w.charset.indexOf('*'); star >= 0)
        w.charset.truncate(star);
    const QByteArray text = s.mid(q1 + 3, close - q1 - 3);
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            return std::nullopt;
    }
    if (enc == 'B' || enc == 'b') {
        // Not base64 after all: the text stays as it stands. Missing '=' padding is forgiven, as mailers omit
        // it.
        for (char c : text) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '/' && c != '=')
                return std::nullopt;
        }
        w.bytes = QByteArray::fromBase64(text);
    } else {
        w.bytes = decodeQ(text);
    }
    return w;
}

// Folding whitespace only: spaces, tabs and line breaks that continue the header (followed by a blank).
bool onlyFoldingWhitespace(const QByteArray& s, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r')
            continue;
        if (c == '\n' && i + 1 < s.size() && (s[i + 1] == ' ' || s[i + 1] == '\t'))
            continue;
        return false;
    }
    return true;
}

// Runs of encoded words separated only by folding whitespace, in order.
QList<QList<EncodedWord>> encodedRuns(const QByteArray& s)
{
    QList<QList<EncodedWord>> runs;
    qsizetype i = s.indexOf("=?");
    while (i >= 0) {
        std::optional<EncodedWord> w = wordAt(s, i);
        if (!w) {
            i = s.indexOf("=?", i + 1);
            continue;
        }
        if (!runs.isEmpty() && onlyFoldingWhitespace(s, runs.last().last().end, w->begin))
            runs.last() << *w;
        else
            runs << QList<EncodedWord>{*w};
        i = s.indexOf("=?", w->end);
    }
    return runs;
}

// One run's text: the bytes of neighbouring words in one charset joined before they are converted.
QString runText(const QList<EncodedWord>& run)
{
    QString out;
    for (qsizetype i = 0; i < run.size();) {
        QByteArray bytes;
        const QByteArray& charset = run[i].charset;
        for (; i < run.size() && run[i].charset == charset; ++i)
            bytes += run[i].bytes;
        out += decodeCharset(bytes, charset);
    }
    return out;
}

// Unencoded header text: UTF-8 when it is valid UTF-8, else what Korean mailers send undeclared, CP949.
QString rawText(const QByteArray& bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    return utf8.hasError() ? decodeCharset(bytes, "cp949") : text;
}

} // namespace

QString decodeHeaderWords(const QByteArray& value)
{
    QString out;
    qsizetype done = 0;
    for (const QList<EncodedWord>& run : encodedRuns(value)) {
        out += rawText(value.mid(done, run.first().begin - done));
        out += runText(run);
        done = run.last().end;
    }
    out += rawText(value.mid(done));
    return out;
}

QByteArray mergeEncodedWords(const QByteArray& head)
{
    if (!head.contains("=?"))
        return head;
    const QList<QList<EncodedWord>> runs = encodedRuns(head);
    if (runs.isEmpty())
        return head;
    QByteArray out;
    out.reserve(head.size());
    qsizetype done = 0;
    for (const QList<EncodedWord>& run : runs) {
        out += head.mid(done, run.first().begin - done);
        out += "=?UTF-8?B?" + runText(run).toUtf8().toBase64() + "?=";
        done = run.last().end;
    }
    out += head.mid(done);
    return out;
}

} // namespace casebook
