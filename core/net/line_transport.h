// core/net/ speaks IMAP and SMTP over a byte transport. The protocol steps only see LineTransport, so unit
// tests hand them a scripted one and assert the exact bytes written; the real one is a QSslSocket with the
// TLS policy of docs/reliability.md (socket_transport.h).
#pragma once

#include "model/result.h"

#include <QByteArray>

namespace casebook::net {

class LineTransport {
public:
    virtual ~LineTransport() = default;

    virtual Result<void> write(const QByteArray& bytes) = 0;
    // One line with its CRLF. With timeoutMs >= 0, an empty value means nothing arrived in time (a real
    // line is never empty); -1 waits for the transport's own timeout, which is an error.
    virtual Result<QByteArray> readLine(int timeoutMs = -1) = 0;
    virtual Result<QByteArray> readExactly(qint64 n) = 0;
    // Upgrades the connection in place (STARTTLS). Fails when the server sent bytes before the handshake.
    virtual Result<void> startTls() = 0;
    virtual bool isEncrypted() const = 0;
    // Whether AUTH may be sent without TLS: only to a loopback host.
    virtual bool isLoopback() const = 0;
};

} // namespace casebook::net
