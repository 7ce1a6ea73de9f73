// What Coupang's gateway says about the connection itself rather than about one call: an address not on the
// key's allow-list, a key past its expiry. Each becomes an error the seller can act on.
#include "connectors/connection_health.h"
#include "connectors/coupang_connector.h"

#include "accounts/account_store.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace casebook {

std::optional<CoupangAddressRefusal> coupangAddressRefusal(const HttpReply& reply)
{
    // Coupang's help centre names the refusal "403 [FORBIDDEN] Not allowed IP"; the rest of the body is not
    // published (uncertain), so the words are looked for anywhere in it and an address is taken if one is
    // named there.
    if (reply.status != 403)
        return std::nullopt;
    const QString body = QString::fromUtf8(reply.body);
    if (!body.contains(QStringLiteral("not allowed ip"), Qt::CaseInsensitive))
        return std::nullopt;
    CoupangAddressRefusal r;
    static const QRegularExpression candidate(QStringLiteral("[0-9A-Fa-f.:]{7,45}"));
    for (auto it = candidate.globalMatch(body); it.hasNext();) {
        const QString token = it.next().captured(0);
        const QHostAddress address(token);
        if (!address.isNull() && (token.count(QLatin1Char('.')) == 3 || token.count(QLatin1Char(':')) >= 2)) {
            r.address = address.toString();
            break;
        }
    }
    return r;
}

QString coupangAddressAdvice(const CoupangAddressRefusal& refusal)
{
    const QString address = refusal.address.isEmpty() ? QStringLiteral("this computer's public address")
                                                       : refusal.address;
    return QStringLiteral(
               "Coupang refuses calls from this computer's network address%1: its gateway answers only the "
               "addresses listed with the Open API key (at most 10). Add %2 in Wing (판매자정보 > 추가판매정보 > "
               "OPEN API 키 발급 > 수정, IP 주소); Coupang takes up to 30 minutes to apply it.")
        .arg(refusal.address.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(refusal.address), address);
}

Error CoupangConnector::refusal(const HttpReply& reply, const QString& whatFailed)
{
    if (const auto address = coupangAddressRefusal(reply))
        return makeError(ErrorCode::AddressNotAllowed, whatFailed + QStringLiteral(". ") + coupangAddressAdvice(*address));
    const QString words = coupangServerWords(reply);
    if (reply.status == 401)
        if (const auto expires = expiryNamedIn(QString::fromUtf8(reply.body))) {
            // The gateway named the key's expiry: keep it, so the warning comes before the next key runs out.
            m_account.settings.insert(QStringLiteral("key_expires"), expires->toString(Qt::ISODate));
            (void)AccountStore(m_db).updateSettings(m_account.name, m_account.settings);
        }
    return makeError(m_http.errorCodeOf(reply), QStringLiteral("%1 (%2).").arg(whatFailed, words));
}

} // namespace casebook
