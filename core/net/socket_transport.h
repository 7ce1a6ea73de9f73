#pragma once

#include "net/line_transport.h"
#include "net/tls_policy.h"

#include <QSslSocket>
#include <memory>

namespace casebook::net {

// A blocking connection on a QSslSocket, used from one worker thread (no event loop needed). TLS 1.2 or
// newer; the certificate must verify against the system's CAs plus the endpoint's CA file, unless it is
// exactly the pinned one. A refused certificate's SHA-256 is kept so the GUI can show it and ask to pin it.
class SocketTransport final : public LineTransport {
public:
    // Connects (and, for implicit TLS, completes the handshake) or says why not.
    static Result<std::unique_ptr<SocketTransport>> connect(const Endpoint& endpoint,
                                                            QString* refusedCertSha256 = nullptr);
    ~SocketTransport() override;

    Result<void> write(const QByteArray& bytes) override;
    Result<QByteArray> readLine(int timeoutMs = -1) override;
    Result<QByteArray> readExactly(qint64 n) override;
    Result<void> startTls() override;
    bool isEncrypted() const override;
    bool isLoopback() const override;

    // Hex SHA-256 of the server's certificate once encrypted (or of the one refused).
    QString peerCertificateSha256() const { return m_peerSha256; }
    // The SHA-256 of a certificate the handshake refused (implicit TLS or STARTTLS), else empty.
    QString refusedCertificateSha256() const { return m_tlsRefusal.isEmpty() ? QString() : m_peerSha256; }
    void close();

private:
    explicit SocketTransport(const Endpoint& endpoint);
    void configureTls();
    Result<void> handshake();
    Error socketError(const QString& doing) const;

    Endpoint m_endpoint;
    std::unique_ptr<QSslSocket> m_socket;
    QString m_peerSha256;
    QString m_tlsRefusal;
};

} // namespace casebook::net
