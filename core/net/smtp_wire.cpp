#include "net/smtp_wire.h"

namespace casebook::net {

Error SmtpWire::refused(const QString& doing, const SmtpReply& r)
{
    return makeError(QStringLiteral("The SMTP server refused %1: %2").arg(doing, r.words()));
}

Result<SmtpReply> SmtpWire::readReply()
{
    SmtpReply r;
    for (;;) {
        auto line = m_t.readLine();
        if (!line)
            return line.error();
        const QByteArray l = line->trimmed();
        if (l.size() < 3)
            return makeError(QStringLiteral("The SMTP server sent something that is not SMTP: %1")
                                 .arg(QString::fromUtf8(l.left(80))));
        r.code = l.left(3).toInt();
        r.lines << QString::fromUtf8(l.mid(4));
        if (l.size() == 3 || l[3] != '-')
            return r;
    }
}

Result<SmtpReply> SmtpWire::command(const QByteArray& line)
{
    if (auto w = m_t.write(line + "\r\n"); !w)
        return w.error();
    return readReply();
}

bool SmtpWire::hasExtension(const QString& name) const
{
    const QString n = name.toUpper();
    for (const QString& e : m_extensions)
        if (e == n || e.startsWith(n + QLatin1Char(' ')) || e.startsWith(n + QLatin1Char('=')))
            return true;
    return false;
}

QStringList SmtpWire::authMechanisms() const
{
    QStringList mechanisms;
    for (const QString& e : m_extensions)
        if (e.startsWith(QLatin1String("AUTH ")) || e.startsWith(QLatin1String("AUTH=")))
            mechanisms += e.mid(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return mechanisms;
}

} // namespace casebook::net
