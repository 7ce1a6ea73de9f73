#include "connectors/outbox_worker.h"

#include "connectors/outbox_sender.h"

namespace casebook {

OutboxWorker::OutboxWorker(Database& db, std::unique_ptr<SecretStore> secrets,
                           std::function<void(const Result<Outbox::FlushReport>&)> onFlushed, int intervalMs)
    : m_db(db), m_secrets(std::move(secrets)), m_onFlushed(std::move(onFlushed)), m_intervalMs(intervalMs)
{
}

OutboxWorker::~OutboxWorker()
{
    stop();
}

void OutboxWorker::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

void OutboxWorker::wake()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_woken = true;
    }
    m_cv.notify_all();
}

void OutboxWorker::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void OutboxWorker::run()
{
    {
        OutboxSender sender(m_db, *m_secrets);
        if (auto settled = sender.settleInterrupted(); !settled && m_onFlushed)
            m_onFlushed(settled.error());
        while (!m_stop) {
            auto report = sender.flush([this] { return m_stop.load(); });
            if (m_onFlushed)
                m_onFlushed(report);
            std::unique_lock<std::mutex> lock(m_mutex);
            m_cv.wait_for(lock, std::chrono::milliseconds(m_intervalMs),
                          [this] { return m_stop || m_woken; });
            m_woken = false;
        }
    }
    // The thread ends here: its read connection would otherwise stay open until the database closes.
    m_db.closeReader();
}

} // namespace casebook
