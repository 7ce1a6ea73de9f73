#include "net/tls_policy.h"

#include <QHostAddress>

namespace casebook::net {

QString toString(TlsMode m)
{
    switch (m) {
    case TlsMode::Implicit:
        return QStringLiteral("implicit");
    case TlsMode::StartTls:
        return QStringLiteral("starttls");
    case TlsMode::None:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<TlsMode> tlsModeFromString(const QString& s)
{
    for (TlsMode m : {TlsMode::Implicit, TlsMode::StartTls, TlsMode::None})
        if (toString(m) == s.trimmed().toLower())
            return m;
    return std::nullopt;
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress a;
    return a.setAddress(host) && a.isLoopback();
}

Result<void> checkPolicy(const Endpoint& e)
{
    if (e.host.isEmpty() || e.port == 0)
        return makeError(QStringLiteral("No server given (host:port)."));
    if (e.tls == TlsMode::None && !isLoopbackHost(e.host))
        return makeError(
            QStringLiteral("Refusing to connect to %1 without TLS: only a server on this computer "
                           "(127.0.0.1, localhost) may be used without it. Use implicit TLS or "
                           "STARTTLS.")
                .arg(e.host));
    for (const QString& pin : e.pinnedSha256.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (normalizeFingerprint(pin).isEmpty())
            return makeError(
                QStringLiteral("The pinned certificate fingerprint is not a SHA-256 (64 hex digits)."));
    return {};
}

QString normalizeFingerprint(const QString& s)
{
    QString hex;
    for (QChar c : s)
        if (c.isLetterOrNumber())
            hex += c.toLower();
    static const QString digits = QStringLiteral("0123456789abcdef");
    if (hex.size() != 64)
        return {};
    for (QChar c : hex)
        if (!digits.contains(c))
            return {};
    return hex;
}

bool pinMatches(const QString& pins, const QString& sha256Hex)
{
    const QString want = normalizeFingerprint(sha256Hex);
    if (want.isEmpty())
        return false;
    for (const QString& pin : pins.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (normalizeFingerprint(pin) == want)
            return true;
    return false;
}

} // namespace casebook::net
