#include "compose/outbox_claim_owner.h"

#include <QFile>
#include <QSysInfo>
#include <csignal>
#include <unistd.h>

namespace casebook {

namespace {

QString bootId()
{
    QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll().trimmed());
}

// Field 22 of /proc/PID/stat (clock ticks since boot); the command name before it may hold spaces and
// parentheses, so count from the last ')'. Empty when the process does not exist.
QString startTimeOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state), so field 22 is fields[19].
    return fields.size() > 19 ? QString::fromLatin1(fields[19]) : QString();
}

QString machine()
{
    static const QString m = QSysInfo::machineHostName() + QLatin1Char('/') + bootId();
    return m;
}

} // namespace

const ClaimOwner& ClaimOwner::thisProcess()
{
    static const ClaimOwner self = ofProcess(static_cast<qint64>(::getpid()));
    return self;
}

ClaimOwner ClaimOwner::ofProcess(qint64 pid)
{
    const QString start = startTimeOf(pid);
#ifdef Q_OS_LINUX
    if (start.isEmpty())
        return ClaimOwner(QString());
#endif
    return ClaimOwner(QStringLiteral("%1:%2:%3").arg(machine()).arg(pid).arg(start));
}

bool ClaimOwner::isAlive(const QString& id)
{
    const qsizetype end = id.lastIndexOf(QLatin1Char(':'));
    const qsizetype mid = end > 0 ? id.lastIndexOf(QLatin1Char(':'), end - 1) : -1;
    if (mid <= 0)
        return false; // no owner recorded (a claim from before owners were kept): a crash left it
    const QString host = id.left(mid);
    if (host.section(QLatin1Char('/'), 0, 0) != QSysInfo::machineHostName())
        return true;
    if (host != machine())
        return false; // this machine restarted since: every process of that boot is gone
    bool ok = false;
    const qint64 pid = id.mid(mid + 1, end - mid - 1).toLongLong(&ok);
    if (!ok || pid <= 0)
        return false;
    const QString start = id.mid(end + 1);
    if (!start.isEmpty())
        return startTimeOf(pid) == start;
    return ::kill(static_cast<pid_t>(pid), 0) == 0; // no /proc: the pid alone
}

} // namespace casebook
