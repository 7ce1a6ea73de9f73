#include "mail_sync_controller.h"

#include "accounts/account_store.h"
#include "accounts/secret_store.h"
#include "accounts/session_secret_store.h"
#include "connectors/email_watcher.h"
#include "connectors/outbox_worker.h"

namespace casebook::ui {

MailSyncController::MailSyncController(Database& db, std::shared_ptr<SecretStore> keychain, QObject* parent)
    : QObject(parent), m_db(db), m_keychain(std::move(keychain)), m_ask(PasswordPrompt::dialog(nullptr))
{
}

void MailSyncController::setSecretSources(std::shared_ptr<SecretStore> keychain, PasswordPrompt::Ask ask)
{
    m_keychain = std::move(keychain);
    m_ask = std::move(ask);
}

MailSyncController::~MailSyncController()
{
    stopAll();
}

void MailSyncController::stopAll()
{
    for (auto& w : m_watchers)
        w->stop();
    m_watchers.clear();
    if (m_outbox)
        m_outbox->stop();
    m_outbox.reset();
}

void MailSyncController::restart()
{
    stopAll();
    auto accounts = AccountStore(m_db).list();
    if (!accounts) {
        Q_EMIT statusChanged(accounts.error().message);
        return;
    }
    auto secrets = std::make_unique<SessionSecretStore>(m_keychain);
    for (const Account& a : *accounts) {
        if (a.kind != AccountKind::Email)
            continue;
        auto settings = EmailSettings::from(a);
        if (!settings) {
            Q_EMIT statusChanged(tr("%1: %2").arg(a.name, settings.error().message));
            continue;
        }
        bool asked = false;
        auto secret = PasswordPrompt::secretFor(a, *m_keychain, m_ask, &asked);
        if (secret && asked)
            secrets->remember(a.name, *secret); // the outbox sends with it too, without asking again
        if (!secret) {
            Q_EMIT statusChanged(tr("%1: %2").arg(a.name, secret.error().message));
            continue;
        }
        const QString name = a.name;
        auto watcher = std::make_unique<EmailWatcher>(
            std::make_unique<EmailConnector>(a, *settings, m_db, *secret),
            [this, name](const EmailWatcher::Status& s) {
                QString line;
                switch (s.state) {
                case EmailWatcher::State::Syncing:
                    line = tr("%1: syncing…").arg(name);
                    break;
                case EmailWatcher::State::Idle:
                    line = tr("%1: up to date, waiting for new mail").arg(name);
                    break;
                case EmailWatcher::State::Retrying:
                    line = tr("%1: %2 (retrying)").arg(name, s.message);
                    break;
                case EmailWatcher::State::Stopped:
                    return;
                }
                QMetaObject::invokeMethod(
                    this, [this, line] { Q_EMIT statusChanged(line); }, Qt::QueuedConnection);
            },
            [this](const SyncReport& r) {
                if (r.imported > 0)
                    QMetaObject::invokeMethod(
                        this, [this] { Q_EMIT mailArrived(); }, Qt::QueuedConnection);
            });
        watcher->start();
        m_watchers.push_back(std::move(watcher));
    }
    m_outbox = std::make_unique<OutboxWorker>(
        m_db, std::move(secrets), [this](const Result<Outbox::FlushReport>& r) {
            QString line;
            if (!r)
                line = tr("Outbox: %1").arg(r.error().message);
            else if (r->sent > 0 || r->retrying > 0 || r->failed > 0)
                line = tr("Outbox: %1 sent, %2 waiting to retry, %3 failed")
                           .arg(r->sent)
                           .arg(r->retrying)
                           .arg(r->failed);
            QMetaObject::invokeMethod(
                this,
                [this, line] {
                    if (!line.isEmpty())
                        Q_EMIT statusChanged(line);
                    Q_EMIT outboxChanged();
                },
                Qt::QueuedConnection);
        });
    m_outbox->start();
}

void MailSyncController::wakeOutbox()
{
    if (m_outbox)
        m_outbox->wake();
}

} // namespace casebook::ui
