#pragma once

#include "connectors/email_connector.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace casebook {

// Keeps one email account live while the app is open: syncs, then waits in IMAP IDLE on the first folder
// and syncs again as soon as the server reports new mail. A lost connection is retried with back-off
// (1 s doubling to 5 min). Runs on its own thread; the callbacks are called from it.
class EmailWatcher {
public:
    enum class State { Syncing, Idle, Retrying, Stopped };
    struct Status {
        State state = State::Stopped;
        QString message; // the last error while retrying
    };

    EmailWatcher(std::unique_ptr<EmailConnector> connector, std::function<void(const Status&)> onStatus,
                 std::function<void(const SyncReport&)> onSynced);
    ~EmailWatcher();

    void start();
    void stop(); // returns once the thread has ended (at most about a second)

    // For tests: IDLE is renewed after this long (servers drop idle clients after 30 min).
    void setIdleRenewMs(int ms) { m_idleRenewMs = ms; }

private:
    void run();
    bool waitOrStop(int ms);
    void report(State state, const QString& message = {});

    std::unique_ptr<EmailConnector> m_connector;
    std::function<void(const Status&)> m_onStatus;
    std::function<void(const SyncReport&)> m_onSynced;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
    int m_idleRenewMs = 25 * 60 * 1000;
};

} // namespace casebook
