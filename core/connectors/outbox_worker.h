#pragma once

#include "accounts/secret_store.h"
#include "compose/outbox.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace casebook {

// Sends the outbox in the background while the app is open: once at start (after turning items a crash
// left `sending` into `unknown`), then every `intervalMs` and whenever wake() is called (a reply was just
// queued). Items waiting for their back-off are left until due. `onFlushed` is called from the worker.
class OutboxWorker {
public:
    OutboxWorker(Database& db, std::unique_ptr<SecretStore> secrets,
                 std::function<void(const Result<Outbox::FlushReport>&)> onFlushed, int intervalMs = 60000);
    ~OutboxWorker();

    void start();
    void wake();
    void stop();

private:
    void run();

    Database& m_db;
    std::unique_ptr<SecretStore> m_secrets;
    std::function<void(const Result<Outbox::FlushReport>&)> m_onFlushed;
    int m_intervalMs;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_woken = false;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace casebook
