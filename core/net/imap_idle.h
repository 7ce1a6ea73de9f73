#pragma once

#include "net/imap_wire.h"

namespace casebook::net {

// What IDLE saw before it was ended.
enum class IdleEvent { NewMail, Timeout, Stopped };

// IDLE until the server reports new mail (EXISTS), `timeoutMs` passes or `stop` says so (asked every
// second), then DONE and the tagged answer.
class ImapIdle {
public:
    ImapIdle(int timeoutMs, std::function<bool()> stop) : m_timeoutMs(timeoutMs), m_stop(std::move(stop)) {}
    Result<IdleEvent> run(ImapWire& wire) const;

private:
    int m_timeoutMs;
    std::function<bool()> m_stop;
};

} // namespace casebook::net
