#include "net/imap_idle.h"

#include <QDeadlineTimer>
#include <algorithm>

namespace casebook::net {

Result<IdleEvent> ImapIdle::run(ImapWire& wire) const
{
    if (!wire.hasCapability(QStringLiteral("IDLE")))
        return makeError(QStringLiteral("The IMAP server does not support IDLE."));
    const QByteArray tag = wire.nextTag();
    if (auto w = wire.write(tag + " IDLE\r\n"); !w)
        return w.error();
    auto cont = wire.readResponse();
    if (!cont)
        return cont.error();
    if (!cont->text.startsWith('+'))
        return makeError(
            QStringLiteral("The IMAP server refused IDLE: %1").arg(ImapWire::wordsOf(cont->text)));
    const QDeadlineTimer deadline(m_timeoutMs);
    IdleEvent event = IdleEvent::Timeout;
    for (;;) {
        if (m_stop && m_stop()) {
            event = IdleEvent::Stopped;
            break;
        }
        if (deadline.hasExpired())
            break;
        auto r = wire.readResponse(
            static_cast<int>(std::min<qint64>(1000, std::max<qint64>(deadline.remainingTime(), 1))));
        if (!r)
            return r.error();
        if (r->text.startsWith("* BYE"))
            return makeError(QStringLiteral("The IMAP server closed the session: %1")
                                 .arg(ImapWire::wordsOf(r->text.mid(6))));
        if (r->text.endsWith(" EXISTS")) {
            event = IdleEvent::NewMail;
            break;
        }
    }
    if (auto w = wire.write("DONE\r\n"); !w)
        return w.error();
    if (auto r = wire.finish(tag); !r)
        return r.error();
    return event;
}

} // namespace casebook::net
