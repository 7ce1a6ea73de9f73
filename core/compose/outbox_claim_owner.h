#pragma once

#include <QString>

namespace casebook {

// Who moved an outbox item to `sending`: one process, named by this machine's boot, its pid and its start
// time (so a pid the system handed to a new process later is not mistaken for it). Another live process
// (the GUI while the CLI flushes) may be sending at this moment; only a claim whose process is gone was
// interrupted by a crash and may have reached the server unseen.
class ClaimOwner {
public:
    // The running process.
    static const ClaimOwner& thisProcess();
    // A process of this machine by pid; empty id when it does not run.
    static ClaimOwner ofProcess(qint64 pid);
    explicit ClaimOwner(QString id) : m_id(std::move(id)) {}

    const QString& id() const { return m_id; }
    // Whether the process that made claim `id` still runs. A claim from another machine (a database on a
    // shared folder) cannot be checked and counts as live: it is never turned "unknown" from here.
    static bool isAlive(const QString& id);

private:
    QString m_id;
};

} // namespace casebook
