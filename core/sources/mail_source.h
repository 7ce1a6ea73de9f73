// core/sources/ turns places mail lives (Maildir, mbox, .eml files) into raw messages with provenance.
// Sources only read: nothing in a source is ever written, moved or renamed.
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace casebook {

// The largest message file a source reads (Maildir, .eml); a larger file is skipped with a reason.
inline constexpr qint64 kMaxMessageFileBytes = qint64(1) << 30;

// One message exactly as the source holds it, and where it came from.
struct RawMail {
    QByteArray raw;
    QString folder; // folder inside the source ("" for the top), for display
    QString ref;    // file path inside the source, or "offset N" in an mbox
};

// A stream of raw messages. next() yields them one at a time so a source of any size is never held whole;
// cursor() names the point after the last message yielded, and resume() continues from such a point.
class MailSource {
public:
    virtual ~MailSource() = default;

    // A stable name for this source ("maildir:/abs/path"); resume points are stored under it.
    virtual QString id() const = 0;

    // The next message, std::nullopt at the end. An item that cannot be read (a Maildir file without
    // permission) is not an error of the run: it is added to problems() and skipped.
    virtual Result<std::optional<RawMail>> next() = 0;

    // Where the next run should continue after the messages yielded so far; empty when not resumable.
    virtual QString cursor() const = 0;

    // Continues after `cursor` (as cursor() returned it). An unusable cursor restarts from the beginning,
    // which is safe: messages already stored are recognised by their bytes.
    virtual void resume(const QString& cursor) = 0;

    // True when next() must run on the thread that made the source (it reads a socket that thread owns);
    // readers then do not hand it to a thread of their own.
    virtual bool boundToThread() const { return false; }

    // Items skipped because they could not be read, each with the reason.
    const QStringList& problems() const { return m_problems; }

protected:
    void addProblem(const QString& p) { m_problems << p; }

private:
    QStringList m_problems;
};

} // namespace casebook
