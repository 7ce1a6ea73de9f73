// core/net/ speaks the network protocols: the marketplaces' HTTP APIs (this file, the signers) and, from
// the email connector, IMAP and SMTP.
#pragma once

#include "model/result.h"
#include "net/call_pacer.h"
#include "net/http_transport.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>
#include <memory>

namespace casebook {

// One request over the network (QtHttpTransport), for callers that need no seam (tests' probes).
HttpReply httpExchange(const HttpRequest& request);

// key=value&key=value with each value percent-encoded: the query exactly as it is sent (and signed).
QString encodeQuery(const QList<QPair<QString, QString>>& query);

// How hard a connector may press a marketplace's gateway (Coupang: about 10 calls a second, then 429).
// Tests shorten the waits.
struct HttpPacing {
    int minIntervalMs = 110;  // between two calls
    int backoffMs = 2000;     // first wait after a refusal; doubles each time
    int attempts = 5;         // tries of one call before its last answer is returned
    int maxIntervalMs = 5000; // the spacing a run of refusals may grow to
};

// Calls spaced by the pacing; an answer with a status in `slowDownOn` (429, and 403 for Coupang) doubles the
// spacing (it eases back by a quarter with each accepted call) and the call is tried again after a growing
// pause. The turns come from `pacer` (every try takes one), so spacing holds across whoever shares it.
class PacedHttp {
public:
    // Without a pacer the turns are this object's own (LocalCallPacer); without a transport the calls go
    // over the network (networkHttpTransport()).
    PacedHttp(HttpPacing pacing, QList<int> slowDownOn, std::unique_ptr<CallPacer> pacer = nullptr,
              std::shared_ptr<HttpTransport> transport = nullptr);
    // `build` makes the request for each try (signatures and tokens are made fresh).
    HttpReply exchange(const std::function<HttpRequest()>& build);
    bool slowDown(const HttpReply& reply) const
    {
        return m_slowDownOn.contains(reply.status) && !(m_final && m_final(reply));
    }
    // Answers with a slow-down status that are a refusal all the same (Coupang's 403 for an address not on
    // the allow-list): returned at once, not tried again, and not taken as a reason to slow down.
    void setFinalRefusal(std::function<bool(const HttpReply&)> isFinal) { m_final = std::move(isFinal); }
    // What a caller can do about an answer that is not a success: no answer or a server fault (Io, try
    // later), the gateway's slow-down (RateLimited), any other refusal (Refused: trying again changes
    // nothing).
    ErrorCode errorCodeOf(const HttpReply& reply) const;

private:
    HttpPacing m_pacing;
    QList<int> m_slowDownOn;
    std::function<bool(const HttpReply&)> m_final;
    int m_intervalMs;
    std::unique_ptr<CallPacer> m_pacer;
    std::shared_ptr<HttpTransport> m_transport;
};

} // namespace casebook
