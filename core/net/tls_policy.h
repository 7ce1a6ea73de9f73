#pragma once

#include "model/result.h"

#include <QString>
#include <optional>

namespace casebook::net {

// How a connection is protected: TLS from the first byte (993, 465), STARTTLS that must succeed (143, 587),
// or none, which only a loopback host may use (a local bridge, a test server).
enum class TlsMode { Implicit, StartTls, None };

QString toString(TlsMode m);
std::optional<TlsMode> tlsModeFromString(const QString& s);

struct Endpoint {
    QString host;
    quint16 port = 0;
    TlsMode tls = TlsMode::Implicit;
    QString caFile; // extra trusted CA certificates (PEM), besides the system's
    // Hex SHA-256 of certificates accepted despite verification errors (several separated by commas, one
    // per server of an account)
    QString pinnedSha256;
    int timeoutMs = 30000;
};

bool isLoopbackHost(const QString& host);

// Refuses an endpoint the policy forbids before any connection is made (no TLS to a remote host).
Result<void> checkPolicy(const Endpoint& e);

// "AA:BB:…" or "aabb…" → "aabb…"; empty when it is not 64 hex digits.
QString normalizeFingerprint(const QString& s);
// Whether `sha256Hex` is one of the pins ("AA:BB…, cc dd…").
bool pinMatches(const QString& pins, const QString& sha256Hex);

} // namespace casebook::net
