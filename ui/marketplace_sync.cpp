#include "marketplace_sync.h"

#include "accounts/account_store.h"
#include "accounts/secret_store.h"
#include "connectors/connector_factory.h"
#include "worker_job.h"

#include <QWidget>

#include <memory>

namespace casebook::ui {

MarketplaceSync::MarketplaceSync(Database& db, std::shared_ptr<SecretStore> secrets, QWidget* dialogParent)
    : QObject(dialogParent), m_db(db), m_secrets(std::move(secrets)), m_job(new WorkerJob(dialogParent, &db))
{
    m_job->setParent(this);
}

bool MarketplaceSync::syncAll()
{
    struct Outcome {
        QStringList lines;
        int imported = 0;
    };
    auto outcome = std::make_shared<Outcome>();
    return m_job->start(
        tr("Sync"), tr("Fetching marketplace inquiries…"),
        [this, outcome](const Progress& progress) {
            auto accounts = AccountStore(m_db).list();
            if (!accounts) {
                outcome->lines << accounts.error().message;
                return;
            }
            bool cancelled = false;
            for (const Account& a : *accounts) {
                if (a.kind == AccountKind::Email || cancelled)
                    continue;
                m_job->setLabelText(tr("%1: fetching inquiries…").arg(a.name));
                auto connector = connectorFor(a, m_db, *m_secrets);
                if (!connector) {
                    outcome->lines << tr("%1: %2").arg(a.name, connector.error().message);
                    continue;
                }
                SyncControl control;
                control.cancelled = [&] { return cancelled = cancelled || !progress(0, 0); };
                control.progress = [&, name = a.name](int fetched, const QString& stage) {
                    m_job->setLabelText(tr("%1: %2 fetched (%3)").arg(name).arg(fetched).arg(stage));
                };
                auto report = (*connector)->sync(control);
                if (!report) {
                    outcome->lines << tr("%1: %2").arg(a.name, report.error().message);
                    continue;
                }
                outcome->imported += report->imported;
                outcome->lines
                    << tr("%1: %2 new of %3 fetched").arg(a.name).arg(report->imported).arg(report->fetched);
            }
            if (cancelled)
                outcome->lines << tr("cancelled: what was fetched is kept, the next sync goes on from there");
        },
        [this, outcome] {
            const QString summary = outcome->lines.isEmpty()
                                        ? tr("No marketplace account to sync (File → Accounts…).")
                                        : outcome->lines.join(QStringLiteral("; "));
            Q_EMIT finished(summary, outcome->imported > 0);
        });
}

} // namespace casebook::ui
