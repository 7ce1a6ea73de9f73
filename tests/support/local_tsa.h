#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

namespace casebook::test {

// A timestamp authority of the test's own: a root CA, a TSA certificate it issued, and `openssl ts -reply`
// behind a small HTTP server on loopback (no network).
struct LocalTsa {
    LocalTsa()
    {
        const QString setup = QStringLiteral(R"(set -e
ec="-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes"
openssl req -x509 $ec -keyout ca.key -out ca.pem -days 30 -subj "/CN=Casebook Test Root" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" 2>/dev/null
openssl req $ec -keyout tsa.key -out tsa.csr -subj "/CN=Casebook Test TSA" 2>/dev/null
printf 'extendedKeyUsage=critical,timeStamping\nbasicConstraints=CA:FALSE\n' > tsa.ext
openssl x509 -req -in tsa.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out tsa.pem -days 30 \
  -extfile tsa.ext 2>/dev/null
printf '[ tsa ]\ndefault_tsa = t\n[ t ]\nserial = ./serial\nsigner_cert = ./tsa.pem\ncerts = ./tsa.pem\nsigner_key = ./tsa.key\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\nordering = no\ntsa_name = no\ness_cert_id_alg = sha256\ness_cert_id_chain = no\naccuracy = secs:1\n' > tsa.cnf
echo 01 > serial
# An unrelated root, that a verifier may trust instead.
openssl req -x509 $ec -keyout other.key -out other.pem -days 30 -subj "/CN=Someone Else" 2>/dev/null
)");
        QProcess made;
        made.setWorkingDirectory(dir.path());
        made.start(QStringLiteral("sh"), {QStringLiteral("-c"), setup});
        REQUIRE(made.waitForFinished(120000));
        INFO(made.readAllStandardError().toStdString());
        REQUIRE(made.exitCode() == 0);
        const QString server = QStringLiteral(R"(
import http.server, subprocess
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        q = self.rfile.read(int(self.headers['Content-Length']))
        r = subprocess.run(['openssl', 'ts', '-reply', '-config', 'tsa.cnf', '-queryfile', '/dev/stdin',
                            '-out', '/dev/stdout'], input=q, capture_output=True).stdout
        self.send_response(200)
        self.send_header('Content-Type', 'application/timestamp-reply')
        self.send_header('Content-Length', str(len(r)))
        self.end_headers()
        self.wfile.write(r)
    def log_message(self, *a):
        pass
s = http.server.HTTPServer(('127.0.0.1', 0), H)
print(s.server_port, flush=True)
s.serve_forever()
)");
        process.setWorkingDirectory(dir.path());
        process.start(QStringLiteral("python3"), {QStringLiteral("-c"), server});
        REQUIRE(process.waitForReadyRead(30000));
        url = QStringLiteral("http://127.0.0.1:%1/").arg(QString::fromLatin1(process.readLine().trimmed()));
    }
    ~LocalTsa()
    {
        process.kill();
        process.waitForFinished();
    }
    QString ca() const { return dir.filePath(QStringLiteral("ca.pem")); }
    QTemporaryDir dir;
    QProcess process;
    QString url;
};

} // namespace casebook::test
