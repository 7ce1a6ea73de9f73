#include "connectors/email_settings.h"

#include <QJsonArray>

namespace casebook {

namespace {

net::TlsMode modeFor(net::TlsMode asked, quint16 port)
{
    if (asked == net::TlsMode::None)
        return asked;
    if (port == 993 || port == 465)
        return net::TlsMode::Implicit;
    if (port == 143 || port == 587 || port == 25)
        return net::TlsMode::StartTls;
    return asked;
}

} // namespace

Result<std::pair<QString, quint16>> parseHostPort(const QString& s)
{
    const int colon = s.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = colon > 0 ? s.mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || port == 0 || port > 65535)
        return makeError(QStringLiteral("\"%1\" is not HOST:PORT.").arg(s));
    QString host = s.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return std::make_pair(host, static_cast<quint16>(port));
}

Result<EmailSettings> EmailSettings::from(const Account& a)
{
    EmailSettings s;
    s.address = a.setting(QStringLiteral("address"));
    s.displayName = a.setting(QStringLiteral("display_name"));
    s.signature = a.setting(QStringLiteral("signature"));
    s.user = a.setting(QStringLiteral("user"));
    if (s.user.isEmpty())
        s.user = s.address;
    const QJsonValue folders = a.settings.value(QStringLiteral("folders"));
    for (const QJsonValue& f : folders.toArray())
        if (!f.toString().isEmpty())
            s.folders << f.toString();
    if (folders.isString())
        s.folders = folders.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString& f : s.folders)
        f = f.trimmed();
    if (s.folders.isEmpty())
        s.folders << QStringLiteral("INBOX");
    const QString tls = a.setting(QStringLiteral("tls"));
    const auto mode =
        tls.isEmpty() ? std::optional<net::TlsMode>(net::TlsMode::Implicit) : net::tlsModeFromString(tls);
    if (!mode)
        return makeError(QStringLiteral("Account \"%1\": tls must be implicit, starttls or none, not \"%2\".")
                             .arg(a.name, tls));
    for (auto [endpoint, prefix] :
         {std::pair{&s.imap, QStringLiteral("imap")}, std::pair{&s.smtp, QStringLiteral("smtp")}}) {
        endpoint->host = a.setting(prefix + QStringLiteral("_host"));
        endpoint->port = static_cast<quint16>(a.settings.value(prefix + QStringLiteral("_port")).toInt());
        endpoint->tls = modeFor(*mode, endpoint->port);
        endpoint->caFile = a.setting(QStringLiteral("ca_file"));
        endpoint->pinnedSha256 = a.setting(QStringLiteral("pinned_sha256"));
    }
    if (s.address.isEmpty())
        return makeError(QStringLiteral("Account \"%1\" has no address.").arg(a.name));
    return s;
}

} // namespace casebook
