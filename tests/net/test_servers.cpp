#include "test_servers.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace casebook::test {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

namespace {

QString dovecotPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("dovecot"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
}

bool waitForPort(quint16 port, int ms)
{
    for (int waited = 0; waited < ms; waited += 50) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    return false;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
}

void chownToDovecot(const QString& path)
{
    if (const passwd* pw = getpwnam("dovecot"))
        (void)::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid);
}

void chownTree(const QString& root)
{
    chownToDovecot(root);
    QDir dir(root);
    for (const QFileInfo& fi : dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (fi.isDir())
            chownTree(fi.filePath());
        else
            chownToDovecot(fi.filePath());
    }
}

} // namespace

QString dovecotMissing()
{
    return dovecotPath().isEmpty()
               ? QStringLiteral("dovecot is not installed (apt-get install dovecot-imapd; "
                                "script/bootstrap --test installs it)")
               : QString();
}

QString aiosmtpdMissing()
{
    if (!QFile::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3 is missing");
    if (QProcess::execute(QStringLiteral("/usr/bin/python3"),
                          {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")}) != 0)
        return QStringLiteral(
            "aiosmtpd is not installed (apt-get install python3-aiosmtpd; script/bootstrap --test "
            "installs it)");
    return {};
}

TestCa TestCa::make(const QString& dir)
{
    TestCa ca{dir + QStringLiteral("/ca.crt"), dir + QStringLiteral("/server.crt"),
              dir + QStringLiteral("/server.key")};
    const QString caKey = dir + QStringLiteral("/ca.key");
    const QString csr = dir + QStringLiteral("/server.csr");
    const QString ext = dir + QStringLiteral("/ext.cnf");
    writeFile(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    const QString openssl = QStringLiteral("openssl");
    QProcess::execute(openssl,
                      {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                       "-keyout", caKey, "-out", ca.caCert, "-days", "2", "-subj", "/CN=Casebook Test CA"});
    QProcess::execute(openssl, {"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                "-keyout", ca.serverKey, "-out", csr, "-subj", "/CN=127.0.0.1"});
    QProcess::execute(openssl, {"x509", "-req", "-in", csr, "-CA", ca.caCert, "-CAkey", caKey,
                                "-CAcreateserial", "-out", ca.serverCert, "-days", "2", "-extfile", ext});
    return ca;
}

Dovecot::Dovecot(QString password, bool tls) : m_password(std::move(password)), m_tls(tls)
{
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                            QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                            QFile::ExeOther);
    for (const char* sub : {"cur", "new", "tmp"})
        QDir().mkpath(maildir() + QLatin1Char('/') + QLatin1String(sub));
    if (m_tls)
        m_ca = TestCa::make(m_dir.path());
}

Dovecot::~Dovecot()
{
    stop();
}

QString Dovecot::maildir() const
{
    return m_dir.path() + QStringLiteral("/mail/") + QLatin1String(kUser) + QStringLiteral("/Maildir");
}

bool Dovecot::start()
{
    const QString t = m_dir.path();
    m_port = m_port ? m_port : freePort();
    m_imapsPort = m_imapsPort ? m_imapsPort : (m_tls ? freePort() : 0);
    writeFile(t + QStringLiteral("/users"), QByteArray(kUser) + ":{PLAIN}" + m_password.toUtf8() + "\n");
    QString conf = QStringLiteral(R"(base_dir = %1/run
state_dir = %1/run/state
log_path = %1/dovecot.log
protocols = imap
listen = 127.0.0.1
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %2
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = %3
  }
}
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u %1/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=%1/mail/%u
}
mail_location = maildir:~/Maildir
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = 1
mailbox_idle_check_interval = 1 secs
)")
                       .arg(t)
                       .arg(m_port)
                       .arg(m_imapsPort);
    if (m_tls)
        conf +=
            QStringLiteral("ssl = yes\nssl_cert = <%1\nssl_key = <%2\n").arg(m_ca.serverCert, m_ca.serverKey);
    else
        conf += QStringLiteral("ssl = no\n");
    writeFile(t + QStringLiteral("/dovecot.conf"), conf.toUtf8());
    QFile::remove(t + QStringLiteral("/run/master.pid"));
    chownTree(t + QStringLiteral("/mail"));
    if (QProcess::execute(dovecotPath(), {QStringLiteral("-c"), t + QStringLiteral("/dovecot.conf")}) != 0)
        return false;
    return waitForPort(m_port, 10000);
}

void Dovecot::stop()
{
    QFile f(m_dir.path() + QStringLiteral("/run/master.pid"));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const pid_t pid = static_cast<pid_t>(f.readAll().trimmed().toLongLong());
    f.close();
    if (pid <= 0)
        return;
    ::kill(pid, SIGTERM);
    for (int i = 0; i < 200 && ::kill(pid, 0) == 0; ++i)
        QThread::msleep(50);
    QFile::remove(f.fileName());
}

void Dovecot::deliver(const QByteArray& raw)
{
    const QString name = QStringLiteral("%1.M%2P%3.casebook-test")
                             .arg(QDateTime::currentSecsSinceEpoch())
                             .arg(++m_seq)
                             .arg(::getpid());
    const QString tmp = maildir() + QStringLiteral("/tmp/") + name;
    writeFile(tmp, raw);
    chownToDovecot(tmp);
    QFile::rename(tmp, maildir() + QStringLiteral("/new/") + name);
}

void Dovecot::renumber(quint32 uidValidity)
{
    stop();
    QDir dir(maildir());
    for (const QString& f : dir.entryList({QStringLiteral("dovecot*")}, QDir::Files))
        dir.remove(f);
    writeFile(maildir() + QStringLiteral("/dovecot-uidlist"),
              "3 V" + QByteArray::number(uidValidity) + " N1\n");
    start();
}

QStringList Dovecot::files() const
{
    QStringList out;
    for (const char* sub : {"cur", "new"})
        out += QDir(maildir() + QLatin1Char('/') + QLatin1String(sub)).entryList(QDir::Files);
    return out;
}

QString Dovecot::log() const
{
    QFile f(m_dir.path() + QStringLiteral("/dovecot.log"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

SmtpServer::SmtpServer(Options options) : m_options(std::move(options))
{
    if (m_options.startTls)
        m_ca = TestCa::make(m_dir.path());
}

SmtpServer::~SmtpServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

bool SmtpServer::start()
{
    m_port = freePort();
    QStringList args{QStringLiteral(CASEBOOK_NET_TEST_DIR "/smtp_server.py"), QString::number(m_port),
                     m_dir.path()};
    if (m_options.startTls)
        args << QStringLiteral("--tls") << m_ca.serverCert << m_ca.serverKey;
    if (!m_options.user.isEmpty())
        args << QStringLiteral("--auth") << m_options.user << m_options.password;
    m_process.start(QStringLiteral("/usr/bin/python3"), args);
    if (!m_process.waitForStarted(5000))
        return false;
    for (int i = 0; i < 100 && !m_process.canReadLine(); ++i)
        m_process.waitForReadyRead(100);
    return m_process.readLine().startsWith("READY");
}

void SmtpServer::setRefuse(bool refuse)
{
    const QString flag = m_dir.path() + QStringLiteral("/refuse");
    if (refuse)
        writeFile(flag, "1");
    else
        QFile::remove(flag);
}

QList<QByteArray> SmtpServer::received() const
{
    QList<QByteArray> out;
    QDir dir(m_dir.path() + QStringLiteral("/received"));
    QStringList names = dir.entryList({QStringLiteral("*.eml")}, QDir::Files);
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) {
        return a.section(QLatin1Char('.'), 0, 0).toInt() < b.section(QLatin1Char('.'), 0, 0).toInt();
    });
    for (const QString& n : names) {
        QFile f(dir.filePath(n));
        if (f.open(QIODevice::ReadOnly))
            out << f.readAll();
    }
    return out;
}

QString SmtpServer::log() const
{
    return QString::fromUtf8(const_cast<QProcess&>(m_process).readAllStandardError());
}

TcpProxy::TcpProxy(quint16 target) : m_target(target)
{
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    ::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(m_listen, 8);
    socklen_t len = sizeof a;
    getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len);
    m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] { run(); });
}

TcpProxy::~TcpProxy()
{
    m_stop = true;
    m_thread.join();
    ::close(m_listen);
}

QByteArray TcpProxy::clientBytes() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_clientBytes;
}

void TcpProxy::run()
{
    while (!m_stop) {
        pollfd p{m_listen, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0)
            continue;
        const int client = ::accept(m_listen, nullptr, nullptr);
        if (client < 0)
            continue;
        ++m_connections;
        const int server = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(m_target);
        if (::connect(server, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
            ::close(client);
            ::close(server);
            continue;
        }
        const qint64 cut = m_cutAfter.exchange(0);
        qint64 toClient = 0;
        char buf[4096];
        bool open = true;
        while (open && !m_stop) {
            pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
            if (::poll(fds, 2, 100) <= 0)
                continue;
            if (fds[0].revents) {
                const ssize_t n = ::read(client, buf, sizeof buf);
                if (n <= 0)
                    break;
                {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    m_clientBytes.append(buf, n);
                }
                open = ::write(server, buf, static_cast<size_t>(n)) == n;
            }
            if (fds[1].revents) {
                ssize_t n = ::read(server, buf, sizeof buf);
                if (n <= 0)
                    break;
                if (cut > 0 && toClient + n >= cut) {
                    n = static_cast<ssize_t>(cut - toClient);
                    (void)::write(client, buf, static_cast<size_t>(n));
                    break; // cut mid-answer
                }
                toClient += n;
                open = ::write(client, buf, static_cast<size_t>(n)) == n;
            }
        }
        ::close(client);
        ::close(server);
    }
}

} // namespace casebook::test
