#include "sources/csv_source.h"

#include "mail/charset.h"
#include "mail/order_numbers.h"
#include "model/channel_keys.h"
#include "model/sha256.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>
#include <QTimeZone>

namespace casebook {
namespace {

constexpr int kMaxUnclosedQuotes = 100;

bool validUtf8(QByteArrayView bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8.decode(bytes); // decode() is lazy: only the conversion reads the bytes
    return !utf8.hasError();
}

// A UTF-8 file with a few lines pasted in from a CP949 one (a second export appended, a row edited in an
// old Excel) is still a UTF-8 file: each line is decoded on its own and the odd ones are named, instead of
// the whole file being read as CP949 and every Korean row garbled.
QString decodeText(const QByteArray& bytes, QString& encoding, QStringList& problems)
{
    if (bytes.startsWith("\xEF\xBB\xBF") && validUtf8(QByteArrayView(bytes).sliced(3))) {
        encoding = QStringLiteral("UTF-8");
        return QString::fromUtf8(bytes.mid(3));
    }
    if (!bytes.startsWith("\xEF\xBB\xBF") && validUtf8(bytes)) {
        encoding = QStringLiteral("UTF-8");
        return QString::fromUtf8(bytes);
    }
    const QByteArray body = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
    const QList<QByteArray> lines = body.split('\n');
    int utf8Lines = 0;
    int otherLines = 0;
    for (const QByteArray& line : lines) {
        bool ascii = true;
        for (const char c : line)
            ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        if (!ascii)
            (validUtf8(line) ? utf8Lines : otherLines) += 1;
    }
    if (bytes.startsWith("\xEF\xBB\xBF") || utf8Lines > otherLines) {
        encoding = QStringLiteral("UTF-8");
        QString text;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                text += QLatin1Char('\n');
            if (validUtf8(lines[i])) {
                text += QString::fromUtf8(lines[i]);
            } else {
                text += decodeCharset(lines[i], "cp949");
                problems << QStringLiteral("line %1 is not UTF-8 like the rest of the file; it was read as "
                                           "CP949 (check its text)")
                                .arg(i + 1);
            }
        }
        return text;
    }
    // Excel in Korea saves "CSV (comma delimited)" in the ANSI code page: CP949.
    encoding = QStringLiteral("CP949");
    return decodeCharset(bytes, "cp949");
}

// RFC 4180 with Excel's habits: CRLF or LF, quotes doubled inside quoted fields, line breaks kept in them.
// A quote that opens a field and never closes would swallow every row after it into one field: such a
// quote is taken as a plain character instead (literalQuotes), and `unclosedAt` gives its position.
QList<QStringList> splitRows(const QString& text, QChar delimiter, const QSet<qsizetype>& literalQuotes,
                             qsizetype& unclosedAt)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    qsizetype openedAt = -1;
    unclosedAt = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else if (ch != QLatin1Char('\r') || i + 1 >= text.size() || text[i + 1] != QLatin1Char('\n')) {
                field += ch; // a CRLF inside a cell is one line break, as Excel's Alt+Enter writes it
            }
            continue;
        }
        if (ch == QLatin1Char('"') && !fieldStarted && !literalQuotes.contains(i)) {
            quoted = true;
            fieldStarted = true;
            openedAt = i;
        } else if (ch == delimiter) {
            row << field;
            field.clear();
            fieldStarted = false;
        } else if (ch == QLatin1Char('\r') || ch == QLatin1Char('\n')) {
            if (ch == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            row << field;
            field.clear();
            fieldStarted = false;
            rows << row;
            row.clear();
        } else {
            field += ch;
            fieldStarted = true;
        }
    }
    if (quoted)
        unclosedAt = openedAt;
    if (fieldStarted || !row.isEmpty()) {
        row << field;
        rows << row;
    }
    // Lines with nothing in them (a trailing blank line, Excel's empty rows) are no rows.
    rows.removeIf([](const QStringList& r) {
        for (const QString& f : r)
            if (!f.trimmed().isEmpty())
                return false;
        return true;
    });
    return rows;
}

QDateTime koreaDateTime(const QString& s)
{
    const QString t = s.trimmed();
    if (t.isEmpty())
        return {};
    static const QStringList formats = {
        QStringLiteral("yyyy-MM-dd HH:mm:ss"), QStringLiteral("yyyy-MM-dd H:mm:ss"),
        QStringLiteral("yyyy-MM-dd HH:mm"),    QStringLiteral("yyyy-MM-dd H:mm"),
        QStringLiteral("yyyy.MM.dd HH:mm:ss"), QStringLiteral("yyyy.MM.dd HH:mm"),
        QStringLiteral("yyyy/MM/dd HH:mm:ss"), QStringLiteral("yyyy/MM/dd HH:mm"),
        QStringLiteral("yyyy/M/d H:mm"),       QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")};
    for (const QString& f : formats) {
        QDateTime d = QDateTime::fromString(t, f);
        if (d.isValid()) {
            d.setTimeZone(QTimeZone(9 * 3600));
            return d.toUTC();
        }
    }
    for (const QString& f :
         {QStringLiteral("yyyy-MM-dd"), QStringLiteral("yyyy.MM.dd"), QStringLiteral("yyyy/MM/dd")}) {
        const QDate d = QDate::fromString(t, f);
        if (d.isValid())
            return QDateTime(d, QTime(0, 0), QTimeZone(9 * 3600)).toUTC();
    }
    const QDateTime iso = QDateTime::fromString(t, Qt::ISODate);
    return iso.isValid() ? iso.toUTC() : QDateTime();
}

QByteArray canonical(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

Result<CsvTable> readCsv(const QByteArray& bytes)
{
    CsvTable table;
    const QString text = decodeText(bytes, table.encoding, table.problems);
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
    const QChar delimiter = firstLine.contains(QLatin1Char('\t')) && !firstLine.contains(QLatin1Char(','))
                                ? QLatin1Char('\t')
                                : QLatin1Char(',');
    QSet<qsizetype> literalQuotes;
    qsizetype unclosedAt = -1;
    QList<QStringList> rows = splitRows(text, delimiter, literalQuotes, unclosedAt);
    // Each pass turns one unclosed quote into a character; a file made of nothing else stops early.
    for (int pass = 0; unclosedAt >= 0; ++pass) {
        const qsizetype line = QStringView(text).left(unclosedAt).count(QLatin1Char('\n')) + 1;
        if (pass >= kMaxUnclosedQuotes)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("The CSV file has more than %1 quotes that are never closed (the "
                                            "last on line %2): it is not read, so that no row is lost.")
                                 .arg(kMaxUnclosedQuotes)
                                 .arg(line));
        table.problems << QStringLiteral("line %1: a quote opens a field and is never closed; it was read as "
                                         "a plain \" so that the rows after it are not lost (check that line)")
                              .arg(line);
        literalQuotes.insert(unclosedAt);
        rows = splitRows(text, delimiter, literalQuotes, unclosedAt);
    }
    if (rows.isEmpty())
        return makeError(QStringLiteral("The CSV file is empty."));
    table.header = rows.takeFirst();
    for (QString& h : table.header)
        h = h.trimmed();
    table.rows = std::move(rows);
    return table;
}

Result<CsvTable> readCsvFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("Cannot read %1: %2").arg(path, f.errorString()));
    return readCsv(f.readAll());
}

const QStringList& csvFields()
{
    static const QStringList fields = {QStringLiteral("id"),       QStringLiteral("date"),
                                       QStringLiteral("customer"), QStringLiteral("customer_id"),
                                       QStringLiteral("subject"),  QStringLiteral("text"),
                                       QStringLiteral("answer"),   QStringLiteral("answer_date"),
                                       QStringLiteral("order"),    QStringLiteral("product")};
    return fields;
}

Result<CsvMapping> CsvMapping::fromSpec(const QString& spec, const QString& source)
{
    CsvMapping m;
    m.source = source;
    for (const QString& pair : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.lastIndexOf(QLatin1Char('='));
        const QString column = pair.left(eq).trimmed();
        const QString field = pair.mid(eq + 1).trimmed();
        if (eq <= 0 || column.isEmpty())
            return makeError(QStringLiteral("\"%1\" is not column=field").arg(pair));
        if (!csvFields().contains(field))
            return makeError(QStringLiteral("\"%1\" is no field; fields: %2")
                                 .arg(field, csvFields().join(QStringLiteral(", "))));
        m.columns[field] = QStringList{column};
    }
    if (!m.columns.contains(QStringLiteral("text")))
        return makeError(QStringLiteral("The mapping names no column for the question text (COLUMN=text)."));
    return m;
}

Result<QHash<QString, int>> CsvMapping::resolve(const QStringList& header) const
{
    QHash<QString, int> at;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it)
        for (const QString& name : it.value())
            if (const int i = header.indexOf(name); i >= 0) {
                at.insert(it.key(), i);
                break;
            }
    if (!at.contains(QStringLiteral("text")))
        return makeError(
            QStringLiteral("No column for the question text (tried %1); the file's columns are: %2.")
                .arg(columns.value(QStringLiteral("text")).join(QStringLiteral(", ")),
                     header.join(QStringLiteral(", "))));
    return at;
}

Result<CsvMessages> csvMessages(const CsvTable& table, const CsvMapping& mapping, const QString& sourceLabel)
{
    auto at = mapping.resolve(table.header);
    if (!at)
        return at.error();
    // Without a date every row would be dated at import time, silently: answer clocks and the case file's
    // timeline would then be wrong. Refused unless the caller says the file has no dates.
    if (!at->contains(QStringLiteral("date")) && !mapping.allowUndated)
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("No column for the date asked (tried %1); the file's columns are: %2. Name it with "
                           "--map COLUMN=date, or import with --undated to date the rows now.")
                .arg(mapping.columns.value(QStringLiteral("date")).join(QStringLiteral(", ")),
                     table.header.join(QStringLiteral(", "))));
    // The columns a question's identity leaves out: its answer may come later, and no mapping may change it.
    QSet<int> answerColumns;
    for (int i = 0; i < table.header.size(); ++i)
        if (CsvMapping::answerColumnNames().contains(table.header[i]))
            answerColumns.insert(i);
    for (const char* f : {"answer", "answer_date"})
        if (at->contains(QLatin1String(f)))
            answerColumns.insert(at->value(QLatin1String(f)));
    CsvMessages out;
    out.problems = table.problems;
    if (!at->contains(QStringLiteral("date")))
        out.problems << QStringLiteral("the file has no date column: every row is dated at import time");
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QStringList& row = table.rows[r];
        auto field = [&](const QString& name) {
            const int i = at->value(name, -1);
            return i >= 0 && i < row.size() ? row[i].trimmed() : QString();
        };
        const QString text = field(QStringLiteral("text"));
        if (text.isEmpty()) {
            out.problems << QStringLiteral("row %1 has no question text and was skipped").arg(r + 2);
            continue;
        }
        // The row as the file has it, by column name, not as a mapping reads it: its bytes are the row's
        // identity, so importing the file again with another preset or --map finds every row stored.
        QJsonObject question;
        for (int i = 0; i < table.header.size() && i < row.size(); ++i) {
            const QString cell = row[i].trimmed();
            if (answerColumns.contains(i) || cell.isEmpty())
                continue;
            QString name = table.header[i];
            if (question.contains(name))
                name += QStringLiteral("#%1").arg(i); // two columns of one name
            question.insert(name, cell);
        }
        const QByteArray questionRaw = canonical(question);
        // The board's own number when the file has one; else the content, so a re-export with rows added
        // or re-sorted still names every row as before.
        QString rowId = field(QStringLiteral("id"));
        if (rowId.isEmpty())
            rowId = sha256Hex(questionRaw).left(16);
        const QString key = externalIdFor(Channel::Csv, mapping.source, rowId);
        InboundMessage q;
        q.channel = Channel::Csv;
        q.raw = questionRaw;
        q.externalId = key;
        q.threadKey = key;
        q.text = text;
        q.date = koreaDateTime(field(QStringLiteral("date")));
        if (!q.date.isValid() && at->contains(QStringLiteral("date")))
            out.problems << QStringLiteral("row %1: the date \"%2\" is not understood; dated at import time")
                                .arg(r + 2)
                                .arg(field(QStringLiteral("date")));
        const QString product = field(QStringLiteral("product"));
        QString subject = field(QStringLiteral("subject"));
        if (subject.isEmpty())
            subject = product.isEmpty() ? text.section(QLatin1Char('\n'), 0, 0).left(60) : product;
        q.subject = QStringLiteral("[%1] %2").arg(mapping.source, subject);
        if (const QString order = field(QStringLiteral("order")); !order.isEmpty())
            q.orderNumbers << order;
        q.orderNumbers += findOrderNumbers(text);
        q.orderNumbers.removeDuplicates();
        const QString customerId = field(QStringLiteral("customer_id"));
        const QString customer = field(QStringLiteral("customer"));
        // A name alone names nobody for sure (two buyers share it): such a buyer is only this inquiry.
        q.customer = {identityKindOf(Channel::Csv),
                      customerId.isEmpty() ? key : mapping.source + QLatin1Char(':') + customerId};
        q.customerName = customer.isEmpty() ? customerId : customer;
        q.fromName = q.customerName;
        q.source = sourceLabel;
        q.sourceRef = QStringLiteral("row %1").arg(r + 2);
        out.messages << q;
        if (const QString answer = field(QStringLiteral("answer")); !answer.isEmpty()) {
            InboundMessage a = q;
            a.direction = Direction::Out;
            a.raw = canonical({{QStringLiteral("answer_to"), sha256Hex(questionRaw)},
                               {QStringLiteral("answer"), answer}});
            a.externalId = key + QStringLiteral(":answer");
            a.text = answer;
            const QDateTime answered = koreaDateTime(field(QStringLiteral("answer_date")));
            a.date = answered.isValid() ? answered : q.date.addSecs(1);
            a.fromName.clear();
            out.messages << a;
        }
    }
    return out;
}

} // namespace casebook
