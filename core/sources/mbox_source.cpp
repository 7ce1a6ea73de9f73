#include "sources/mbox_source.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace casebook {
namespace {

// Lines longer than this are read in pieces; only a piece that starts a line can be a separator.
constexpr qint64 kChunk = 64 * 1024;

bool isBlank(const QByteArray& line)
{
    return line == "\n" || line == "\r\n";
}

// ">From ", ">>From " …: the quoting mboxrd writers add and readers take away again.
bool isQuotedFrom(const QByteArray& line)
{
    qsizetype i = 0;
    while (i < line.size() && line.at(i) == '>')
        ++i;
    return i > 0 && line.mid(i, 5) == "From ";
}

// The blank line a writer puts after each message is the separator's, not the message's.
void dropSeparatorBlank(QByteArray& m)
{
    if (m.endsWith("\r\n\r\n"))
        m.chop(2);
    else if (m.endsWith("\n\n"))
        m.chop(1);
}

} // namespace

MboxSource::MboxSource(const QString& path, Format format)
    : m_path(QFileInfo(path).absoluteFilePath()), m_format(format), m_file(m_path)
{
}

QString MboxSource::id() const
{
    return QStringLiteral("mbox:") + m_path;
}

bool MboxSource::isSeparator(const QByteArray& line)
{
    if (!line.startsWith("From "))
        return false;
    // "From sender date": the asctime date always carries a hh:mm time.
    static const QRegularExpression time(QStringLiteral("^From \\S*\\s.*\\b\\d{1,2}:\\d{2}"));
    return time.match(QString::fromLatin1(line.left(200))).hasMatch();
}

Result<void> MboxSource::open()
{
    if (m_opened)
        return {};
    if (QFileInfo(m_path).isDir())
        return makeError(
            QStringLiteral("%1 is a folder, not an mbox file (import it as a Maildir?)").arg(m_path));
    if (!m_file.open(QIODevice::ReadOnly))
        return makeError(
            QStringLiteral("cannot read the mbox file %1: %2").arg(m_path, m_file.errorString()));
    m_opened = true;
    m_next = 0;
    return {};
}

Result<std::optional<RawMail>> MboxSource::next()
{
    if (auto opened = open(); !opened)
        return opened.error();
    if (!m_file.seek(m_next))
        return makeError(QStringLiteral("cannot read %1 at offset %2: %3")
                             .arg(m_path)
                             .arg(m_next)
                             .arg(m_file.errorString()));
    if (m_file.atEnd())
        return std::optional<RawMail>();

    const qint64 start = m_next;
    QByteArray message;
    bool atLineStart = true;
    bool prevBlank = true; // the file's start counts as following a blank line
    bool first = true;
    for (;;) {
        const qint64 lineStart = m_file.pos();
        QByteArray line = m_file.readLine(kChunk);
        if (line.isEmpty()) {
            if (m_file.error() != QFileDevice::NoError && !m_file.atEnd())
                return makeError(QStringLiteral("cannot read %1: %2").arg(m_path, m_file.errorString()));
            break;
        }
        const bool complete = line.endsWith('\n');
        if (atLineStart) {
            if (first && line.startsWith("From ")) {
                // This message's own separator: not part of the message.
                first = false;
                prevBlank = false;
                atLineStart = complete;
                continue;
            }
            if (!first && prevBlank && isSeparator(line)) {
                m_file.seek(lineStart);
                break;
            }
            if (m_format == Format::Mboxrd && isQuotedFrom(line))
                line.remove(0, 1);
            prevBlank = isBlank(line);
        } else {
            prevBlank = false;
        }
        first = false;
        atLineStart = complete;
        message += line;
    }
    m_next = m_file.pos();
    if (m_file.atEnd())
        m_next = m_file.size();
    dropSeparatorBlank(message);
    if (message.isEmpty())
        return m_next >= m_file.size() ? Result<std::optional<RawMail>>(std::optional<RawMail>()) : next();
    return std::optional<RawMail>(
        RawMail{std::move(message), QString(), QStringLiteral("offset %1").arg(start)});
}

QString MboxSource::cursor() const
{
    QJsonObject o{{QStringLiteral("offset"), m_next}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void MboxSource::resume(const QString& cursor)
{
    if (!open())
        return;
    m_next = 0;
    const qint64 offset =
        QJsonDocument::fromJson(cursor.toUtf8()).object().value(QStringLiteral("offset")).toInteger();
    if (offset <= 0 || offset > m_file.size())
        return; // the file shrank or was rewritten: start over, stored messages are recognised by their bytes
    if (offset == m_file.size()) {
        m_next = offset;
        return;
    }
    // The point must still open a message; a rewritten file starts over.
    if (m_file.seek(offset - 1)) {
        const QByteArray probe = m_file.read(6);
        if (probe.size() == 6 && probe.at(0) == '\n' && probe.mid(1) == "From ")
            m_next = offset;
    }
}

} // namespace casebook
