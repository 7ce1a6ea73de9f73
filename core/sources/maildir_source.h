#pragma once

#include "sources/mail_source.h"

#include <QDir>
#include <QVector>

namespace casebook {

// A Maildir tree: cur/ and new/ of the top folder, nested folders and Maildir++ dot folders (".Sent"),
// and message files lying loose in a folder (as notmuch keeps them). tmp/ (deliveries in progress) and the
// index files of mail programs are left alone.
//
// Messages come out sorted by folder and by the unique part of the file name (before ":2,"), which stays
// the same when a mail program moves a message from new/ to cur/ or changes its flags, so a resume point
// stays valid while the Maildir is in use.
class MaildirSource final : public MailSource {
public:
    explicit MaildirSource(const QString& root);

    // Fails when the folder does not exist or cannot be listed.
    Result<void> open();

    QString id() const override;
    Result<std::optional<RawMail>> next() override;
    QString cursor() const override;
    void resume(const QString& cursor) override;

    qsizetype size() const { return m_entries.size(); }

private:
    struct Entry {
        QString folder;
        QString key;
        QString relPath;
        bool operator<(const Entry& o) const;
    };
    void scan(const QDir& dir, const QString& folder, int depth);
    void addFile(const QString& folder, const QString& relPath, const QString& name);

    QString m_root;
    QVector<Entry> m_entries;
    qsizetype m_next = 0;
    bool m_opened = false;
};

} // namespace casebook
