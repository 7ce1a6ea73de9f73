#include "connectors/email_watcher.h"

#include "net/imap_session.h"

namespace casebook {

EmailWatcher::EmailWatcher(std::unique_ptr<EmailConnector> connector,
                           std::function<void(const Status&)> onStatus,
                           std::function<void(const SyncReport&)> onSynced)
    : m_connector(std::move(connector)), m_onStatus(std::move(onStatus)), m_onSynced(std::move(onSynced))
{
}

EmailWatcher::~EmailWatcher()
{
    stop();
}

void EmailWatcher::start()
{
    if (m_thread.joinable())
        return;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void EmailWatcher::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool EmailWatcher::waitOrStop(int ms)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stop.load(); });
}

void EmailWatcher::report(State state, const QString& message)
{
    if (m_onStatus)
        m_onStatus({state, message});
}

void EmailWatcher::run()
{
    int backoffMs = 1000;
    const auto stopped = [this] { return m_stop.load(); };
    auto retry = [&](const QString& why) {
        report(State::Retrying, why);
        waitOrStop(backoffMs);
        backoffMs = std::min(backoffMs * 2, 5 * 60 * 1000);
    };
    m_connector->setReconnects(0);
    while (!stopped()) {
        report(State::Syncing);
        auto synced = m_connector->sync({stopped, {}});
        if (!synced) {
            retry(synced.error().message);
            continue;
        }
        if (m_onSynced)
            m_onSynced(*synced);
        const EmailSettings& s = m_connector->settings();
        auto connection = net::connectImap(s.imap, s.user, m_connector->secret());
        if (!connection) {
            retry(connection.error().message);
            continue;
        }
        if (auto opened = connection->session->examine(s.folders.first()); !opened) {
            retry(opened.error().message);
            continue;
        }
        backoffMs = 1000;
        report(State::Idle);
        bool newMail = false;
        while (!stopped() && !newMail) {
            auto event = connection->session->idle(m_idleRenewMs, stopped);
            if (!event) {
                retry(event.error().message);
                break;
            }
            newMail = *event == net::IdleEvent::NewMail;
        }
        if (!stopped())
            (void)connection->session->logout();
    }
    // The thread ends here: its read connection would otherwise stay open until the database closes.
    m_connector->database().closeReader();
    report(State::Stopped);
}

} // namespace casebook
