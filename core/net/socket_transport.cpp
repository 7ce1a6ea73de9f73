#include "net/socket_transport.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QSslConfiguration>

namespace casebook::net {

namespace {

QString sha256Of(const QSslCertificate& c)
{
    return QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex());
}

} // namespace

SocketTransport::SocketTransport(const Endpoint& endpoint)
    : m_endpoint(endpoint), m_socket(std::make_unique<QSslSocket>())
{
}

SocketTransport::~SocketTransport()
{
    close();
}

void SocketTransport::close()
{
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_socket->abort();
    }
}

bool SocketTransport::isEncrypted() const
{
    return m_socket->isEncrypted();
}

bool SocketTransport::isLoopback() const
{
    return isLoopbackHost(m_endpoint.host) && m_socket->peerAddress().isLoopback();
}

Error SocketTransport::socketError(const QString& doing) const
{
    return makeError(QStringLiteral("%1 %2:%3 failed: %4")
                         .arg(doing, m_endpoint.host)
                         .arg(m_endpoint.port)
                         .arg(m_socket->errorString()));
}

void SocketTransport::configureTls()
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_endpoint.caFile.isEmpty()) {
        QList<QSslCertificate> cas = conf.caCertificates();
        cas += QSslCertificate::fromPath(m_endpoint.caFile, QSsl::Pem);
        conf.setCaCertificates(cas);
    }
    m_socket->setSslConfiguration(conf);
    m_socket->setPeerVerifyName(m_endpoint.host);
    // Verification errors are refused unless the certificate is the one the user pinned. Runs inside
    // waitForEncrypted(), on this thread.
    QObject::connect(
        m_socket.get(), &QSslSocket::sslErrors, m_socket.get(),
        [this](const QList<QSslError>& errors) {
            const QString peer = sha256Of(m_socket->peerCertificate());
            m_peerSha256 = peer;
            if (pinMatches(m_endpoint.pinnedSha256, peer)) {
                m_socket->ignoreSslErrors(errors);
                return;
            }
            QStringList why;
            for (const QSslError& e : errors)
                why << e.errorString();
            m_tlsRefusal =
                QStringLiteral("The certificate of %1 is not trusted (%2). Its SHA-256 fingerprint is %3; "
                               "pin it only if you know it is your server's.")
                    .arg(m_endpoint.host, why.join(QStringLiteral("; ")), peer);
        },
        Qt::DirectConnection);
}

Result<void> SocketTransport::handshake()
{
    if (!m_socket->waitForEncrypted(m_endpoint.timeoutMs)) {
        if (!m_tlsRefusal.isEmpty())
            return makeError(m_tlsRefusal);
        return socketError(QStringLiteral("TLS handshake with"));
    }
    m_peerSha256 = sha256Of(m_socket->peerCertificate());
    return {};
}

Result<std::unique_ptr<SocketTransport>> SocketTransport::connect(const Endpoint& endpoint,
                                                                  QString* refusedCertSha256)
{
    if (auto ok = checkPolicy(endpoint); !ok)
        return ok.error();
    std::unique_ptr<SocketTransport> t(new SocketTransport(endpoint));
    if (endpoint.tls == TlsMode::Implicit) {
        if (!QSslSocket::supportsSsl())
            return makeError(QStringLiteral("TLS is not available on this system (no OpenSSL backend)."));
        t->configureTls();
        t->m_socket->connectToHostEncrypted(endpoint.host, endpoint.port);
        if (!t->m_socket->waitForConnected(endpoint.timeoutMs))
            return t->socketError(QStringLiteral("Connecting to"));
        auto done = t->handshake();
        if (!done) {
            if (refusedCertSha256)
                *refusedCertSha256 = t->m_peerSha256;
            return done.error();
        }
    } else {
        t->m_socket->connectToHost(endpoint.host, endpoint.port);
        if (!t->m_socket->waitForConnected(endpoint.timeoutMs))
            return t->socketError(QStringLiteral("Connecting to"));
        if (endpoint.tls == TlsMode::None && !t->isLoopback())
            return makeError(
                QStringLiteral("%1 did not resolve to this computer: refusing to talk to it without TLS.")
                    .arg(endpoint.host));
    }
    return t;
}

Result<void> SocketTransport::write(const QByteArray& bytes)
{
    if (m_socket->write(bytes) != bytes.size())
        return socketError(QStringLiteral("Writing to"));
    while (m_socket->bytesToWrite() > 0)
        if (!m_socket->waitForBytesWritten(m_endpoint.timeoutMs))
            return socketError(QStringLiteral("Writing to"));
    return {};
}

Result<QByteArray> SocketTransport::readLine(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs >= 0 ? timeoutMs : m_endpoint.timeoutMs);
    while (!m_socket->canReadLine()) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return makeError(QStringLiteral("%1 closed the connection.").arg(m_endpoint.host));
        const qint64 left = deadline.remainingTime();
        const bool arrived = left > 0 && m_socket->waitForReadyRead(static_cast<int>(left));
        if (arrived || m_socket->canReadLine())
            continue;
        const bool timedOut = left <= 0 || m_socket->error() == QAbstractSocket::SocketTimeoutError;
        if (timedOut && timeoutMs >= 0)
            return QByteArray();
        if (timedOut)
            return makeError(QStringLiteral("%1 did not answer in time.").arg(m_endpoint.host));
        return socketError(QStringLiteral("Reading from"));
    }
    return m_socket->readLine();
}

Result<QByteArray> SocketTransport::readExactly(qint64 n)
{
    QByteArray out;
    out.reserve(n);
    while (out.size() < n) {
        if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(m_endpoint.timeoutMs))
            return socketError(QStringLiteral("Reading from"));
        out += m_socket->read(n - out.size());
    }
    return out;
}

Result<void> SocketTransport::startTls()
{
    // Bytes the server sent before the handshake could be an attacker's injected answers (CVE-2011-0411).
    if (m_socket->bytesAvailable() > 0)
        return makeError(QStringLiteral("%1 sent data before the TLS handshake: connection aborted.")
                             .arg(m_endpoint.host));
    if (!QSslSocket::supportsSsl())
        return makeError(QStringLiteral("TLS is not available on this system (no OpenSSL backend)."));
    configureTls();
    m_socket->startClientEncryption();
    return handshake();
}

} // namespace casebook::net
