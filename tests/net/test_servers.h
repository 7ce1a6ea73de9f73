#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

// Real servers on loopback for the network tests (docs/test-servers.md): a private Dovecot, an aiosmtpd
// SMTP server, a throw-away CA, and a TCP proxy that records what the client sent and can cut the line.
namespace casebook::test {

quint16 freePort();
// Empty when the tool is installed, else the message to skip with.
QString dovecotMissing();
QString aiosmtpdMissing();

// A CA and a server certificate for 127.0.0.1/localhost, made with openssl in `dir`.
struct TestCa {
    QString caCert, serverCert, serverKey;
    static TestCa make(const QString& dir);
};

class Dovecot {
public:
    static constexpr const char* kUser = "seller@example.test";
    // `tls`: ssl=yes with the CA's certificate and an imaps listener; else ssl=no.
    explicit Dovecot(QString password, bool tls = false);
    ~Dovecot();
    bool start();
    void stop();
    quint16 port() const { return m_port; }
    quint16 imapsPort() const { return m_imapsPort; }
    const TestCa& ca() const { return m_ca; }
    QString maildir() const;
    // Drops a message into the Maildir's new/ as the mail owner, as a delivery would.
    void deliver(const QByteArray& raw);
    // Renumbers INBOX: a new UIDVALIDITY with the same messages (Dovecot rebuilds its indexes).
    void renumber(quint32 uidValidity);
    // Names of the Maildir files (cur/ and new/), whose ":2,…" part holds the flags.
    QStringList files() const;
    QString log() const;

private:
    QTemporaryDir m_dir;
    QString m_password;
    bool m_tls;
    quint16 m_port = 0;
    quint16 m_imapsPort = 0;
    TestCa m_ca;
    int m_seq = 0;
};

class SmtpServer {
public:
    struct Options {
        bool startTls = false; // require STARTTLS (with a throw-away CA)
        QString user;          // require AUTH with this user and password
        QString password;
    };
    explicit SmtpServer(Options options);
    ~SmtpServer();
    bool start();
    quint16 port() const { return m_port; }
    const TestCa& ca() const { return m_ca; }
    // While set, DATA is answered "451 4.3.0 try again later".
    void setRefuse(bool refuse);
    QList<QByteArray> received() const;
    QString log() const;

private:
    Options m_options;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    TestCa m_ca;
};

// Forwards 127.0.0.1:port() to a target port, one connection at a time; records client→server bytes.
class TcpProxy {
public:
    explicit TcpProxy(quint16 target);
    ~TcpProxy();
    quint16 port() const { return m_port; }
    // The next connection is cut once this many server→client bytes have passed (0: never).
    void cutAfter(qint64 bytes) { m_cutAfter = bytes; }
    QByteArray clientBytes() const;
    int connections() const { return m_connections; }

private:
    void run();
    quint16 m_target;
    quint16 m_port = 0;
    int m_listen = -1;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_cutAfter{0};
    std::atomic<int> m_connections{0};
    mutable std::mutex m_mutex;
    QByteArray m_clientBytes;
    std::thread m_thread;
};

} // namespace casebook::test
