#include "evidence/safe_file_name.h"

#include <QRegularExpression>

namespace casebook {
namespace {

bool invisible(QChar c)
{
    switch (c.category()) {
    case QChar::Other_Control: // C0, C1, DEL
    case QChar::Other_Format:  // bidi overrides and isolates, zero-width characters, BOM
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Other_PrivateUse:
        return true;
    default:
        return false;
    }
}

// Cuts at a character boundary so that the UTF-8 form fits in `maxBytes`; never splits a surrogate pair.
QString fitUtf8(const QString& s, int maxBytes)
{
    QString out;
    int bytes = 0;
    for (int i = 0; i < s.size(); ++i) {
        const bool pair = s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate();
        const QString ch = pair ? s.mid(i, 2) : s.mid(i, 1);
        const int n = static_cast<int>(ch.toUtf8().size());
        if (bytes + n > maxBytes)
            break;
        out += ch;
        bytes += n;
        if (pair)
            ++i;
    }
    return out;
}

QString trimDotsAndSpaces(QString s)
{
    while (!s.isEmpty() && (s.front() == QLatin1Char('.') || s.front().isSpace()))
        s.remove(0, 1);
    while (!s.isEmpty() && (s.back() == QLatin1Char('.') || s.back().isSpace()))
        s.chop(1);
    return s;
}

} // namespace

QString safeFileName(const QString& name, int maxUtf8Bytes)
{
    QString s = name.normalized(QString::NormalizationForm_C);
    // Lone surrogates (from broken decoders) would make invalid UTF-8.
    for (int i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
        else if (s.at(i).isSurrogate())
            s[i] = QChar::ReplacementCharacter;
    }
    s.replace(QLatin1Char('\\'), QLatin1Char('/'));
    s = s.section(QLatin1Char('/'), -1);
    QString kept;
    kept.reserve(s.size());
    for (QChar c : std::as_const(s)) {
        if (invisible(c))
            continue;
        if (QStringLiteral("<>:\"|?*").contains(c))
            continue;
        kept += c.isSpace() ? QLatin1Char(' ') : c;
    }
    static const QRegularExpression spaces(QStringLiteral(" {2,}"));
    kept.replace(spaces, QStringLiteral(" "));
    s = trimDotsAndSpaces(kept);

    static const QRegularExpression device(
        QStringLiteral("^(con|prn|aux|nul|conin\\$|conout\\$|com[0-9\\x{00B9}\\x{00B2}\\x{00B3}]|"
                       "lpt[0-9\\x{00B9}\\x{00B2}\\x{00B3}])( *\\..*)?$"),
        QRegularExpression::CaseInsensitiveOption);
    if (device.match(s).hasMatch() || s.startsWith(QLatin1Char('-')))
        s.prepend(QLatin1Char('_'));

    if (s.toUtf8().size() > maxUtf8Bytes) {
        const int dot = static_cast<int>(s.lastIndexOf(QLatin1Char('.')));
        QString suffix = dot > 0 ? s.mid(dot) : QString();
        if (suffix.toUtf8().size() > 16)
            suffix.clear();
        const QString stem = suffix.isEmpty() ? s : s.left(dot);
        s = trimDotsAndSpaces(fitUtf8(stem, maxUtf8Bytes - static_cast<int>(suffix.toUtf8().size()))) +
            suffix;
    }
    s = trimDotsAndSpaces(s);
    return s.isEmpty() ? QStringLiteral("file") : s;
}

} // namespace casebook
