// A separate process that syncs a Coupang account, so a test can kill it mid-sync (SIGKILL) and check that
// the next sync resumes with nothing lost and nothing doubled. Usage: sync_probe DB ACCOUNT SECRET
#include "accounts/account_store.h"
#include "connectors/coupang_connector.h"

#include <QCoreApplication>

using namespace casebook;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 4)
        return 2;
    SystemClock clock;
    auto db = Database::open(QString::fromLocal8Bit(argv[1]), clock, OpenOptions{false});
    if (!db)
        return 3;
    auto account = AccountStore(**db).byName(QString::fromLocal8Bit(argv[2]));
    if (!account)
        return 4;
    CoupangConnector connector(account.value(), **db, QString::fromLocal8Bit(argv[3]),
                               HttpPacing{110, 30, 5, 500});
    return connector.sync({}) ? 0 : 1;
}
