#include "casefile/case_file_timestamp.h"

#include "casefile/openssl_error.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ts.h>
#include <openssl/x509.h>

namespace casebook::case_file_timestamp {
namespace {

template <typename T, void (*Free)(T*)> using Owned = std::unique_ptr<T, decltype([](T* p) { Free(p); })>;

QByteArray sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QByteArray requestDer(const QByteArray& digest)
{
    Owned<TS_REQ, TS_REQ_free> req(TS_REQ_new());
    Owned<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free> imprint(TS_MSG_IMPRINT_new());
    Owned<X509_ALGOR, X509_ALGOR_free> algo(X509_ALGOR_new());
    X509_ALGOR_set0(algo.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr);
    TS_MSG_IMPRINT_set_algo(imprint.get(), algo.get());
    TS_MSG_IMPRINT_set_msg(imprint.get(),
                           reinterpret_cast<unsigned char*>(const_cast<char*>(digest.constData())),
                           static_cast<int>(digest.size()));
    TS_REQ_set_version(req.get(), 1);
    TS_REQ_set_msg_imprint(req.get(), imprint.get());
    // A nonce ties the reply to this request; the authority's certificate comes with it, for checking.
    unsigned char nonceBytes[8];
    RAND_bytes(nonceBytes, sizeof nonceBytes);
    Owned<BIGNUM, BN_free> bn(BN_bin2bn(nonceBytes, sizeof nonceBytes, nullptr));
    Owned<ASN1_INTEGER, ASN1_INTEGER_free> nonce(BN_to_ASN1_INTEGER(bn.get(), nullptr));
    TS_REQ_set_nonce(req.get(), nonce.get());
    TS_REQ_set_cert_req(req.get(), 1);
    unsigned char* der = nullptr;
    const int n = i2d_TS_REQ(req.get(), &der);
    QByteArray out(reinterpret_cast<char*>(der), n);
    OPENSSL_free(der);
    return out;
}

QDateTime toDateTime(const ASN1_GENERALIZEDTIME* t)
{
    struct tm tm {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

} // namespace

bool isAcceptableUrl(const QString& url)
{
    const QString v = url.trimmed();
    if (v.isEmpty())
        return true;
    const QUrl parsed(v, QUrl::StrictMode);
    return parsed.isValid() && !parsed.host().isEmpty() &&
           (parsed.scheme() == QLatin1String("http") || parsed.scheme() == QLatin1String("https"));
}

Result<QByteArray> request(const QString& url, const QByteArray& data, int timeoutMs)
{
    QNetworkAccessManager network;
    QNetworkRequest req{QUrl(url)};
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/timestamp-query"));
    req.setTransferTimeout(timeoutMs);
    std::unique_ptr<QNetworkReply> reply(network.post(req, requestDer(sha256(data))));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    if (reply->error() != QNetworkReply::NoError)
        return makeError(
            ErrorCode::Io,
            QStringLiteral("The timestamp authority %1 did not answer: %2").arg(url, reply->errorString()));
    const QByteArray token = reply->readAll();
    // Checked for what it says (granted, this hash); whose signature it carries is the receiver's question.
    const Check answered = check(token, data, QString());
    if (!answered.time.isValid())
        return makeError(ErrorCode::Refused,
                         QStringLiteral("The timestamp authority %1 did not stamp the case file: %2")
                             .arg(url, answered.problem));
    return token;
}

Check check(const QByteArray& token, const QByteArray& data, const QString& caFile)
{
    Check result;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(token.constData());
    Owned<TS_RESP, TS_RESP_free> resp(d2i_TS_RESP(nullptr, &p, token.size()));
    if (!resp) {
        ERR_clear_error();
        result.problem = QStringLiteral("%1 is not an RFC 3161 timestamp reply").arg(kTokenName);
        return result;
    }
    const long status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(resp.get())));
    TS_TST_INFO* info = TS_RESP_get_tst_info(resp.get());
    if (status > 1 || !info) { // 0 granted, 1 granted with modifications
        result.problem = QStringLiteral("the authority refused to stamp (status %1)").arg(status);
        return result;
    }
    result.time = toDateTime(TS_TST_INFO_get_time(info));
    const QByteArray digest = sha256(data);
    Owned<TS_VERIFY_CTX, TS_VERIFY_CTX_free> ctx(TS_VERIFY_CTX_new());
    int flags = TS_VFY_VERSION | TS_VFY_IMPRINT;
    unsigned char* imprint = static_cast<unsigned char*>(OPENSSL_memdup(digest.constData(), digest.size()));
    TS_VERIFY_CTX_set_imprint(ctx.get(), imprint, digest.size());
    if (!caFile.isNull()) {
        X509_STORE* store = X509_STORE_new();
        const QByteArray ca = QFile::encodeName(
            caFile.isEmpty() ? QStringLiteral("/etc/ssl/certs/ca-certificates.crt") : caFile);
        if (X509_STORE_load_file(store, ca.constData()) != 1) {
            X509_STORE_free(store);
            result.problem =
                QStringLiteral("the certificates in %1 cannot be read").arg(QString::fromLocal8Bit(ca));
            ERR_clear_error();
            return result;
        }
        TS_VERIFY_CTX_set_store(ctx.get(), store);
        flags |= TS_VFY_SIGNATURE | TS_VFY_SIGNER;
    }
    TS_VERIFY_CTX_set_flags(ctx.get(), flags);
    if (TS_RESP_verify_response(ctx.get(), resp.get()) != 1)
        result.problem =
            QStringLiteral("%1 does not hold for manifest.json: %2").arg(kTokenName, opensslReason());
    return result;
}

} // namespace casebook::case_file_timestamp
