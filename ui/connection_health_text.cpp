#include "connection_health_text.h"

#include <QLocale>
#include <QStringList>

namespace casebook::ui {

namespace {

QString shown(const QDateTime& t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

QString ConnectionHealthText::describe(const AccountHealth& h)
{
    QStringList lines;
    lines << (h.lastSync.isValid() ? tr("Last complete sync: %1").arg(shown(h.lastSync))
                                   : tr("Last complete sync: never"));
    if (h.key) {
        const QString date = h.key->expires.toString(Qt::ISODate);
        if (h.key->expired())
            lines << tr("The key expired on %1: issue a new one in Wing and enter it here.").arg(date);
        else if (h.key->warn())
            lines << tr("The key expires on %1, in %n day(s): reissue it in Wing (Seller information > Additional "
                        "sales information > Open API key) and enter the new key and date.",
                        nullptr, int(h.key->daysLeft))
                         .arg(date);
        else
            lines << tr("The key is valid until %1.").arg(date);
    }
    if (h.token)
        lines << tr("Naver token: valid until %1 (renewed %2)").arg(shown(h.token->validUntil), shown(h.token->renewedAt));
    return lines.join(QLatin1Char('\n'));
}

QString ConnectionHealthText::keyNotice(const Account& account, const KeyExpiry& key)
{
    if (!key.warn())
        return {};
    const QString date = key.expires.toString(Qt::ISODate);
    if (key.expired())
        return tr("The Coupang key of %1 expired on %2.").arg(account.name, date);
    return tr("The Coupang key of %1 expires on %2, in %n day(s).", nullptr, int(key.daysLeft)).arg(account.name, date);
}

} // namespace casebook::ui
