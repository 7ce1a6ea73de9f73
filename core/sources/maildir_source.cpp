#include "sources/maildir_source.h"

#include "model/regular_file.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace casebook {
namespace {

constexpr int kMaxDepth = 64; // a deeper tree is a link loop or a mistake, not mail

// Files mail programs keep beside the mail: never messages.
bool isIndexFile(const QString& name)
{
    return name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1String("dovecot")) ||
           name.startsWith(QLatin1String("courier")) || name == QLatin1String("maildirfolder") ||
           name == QLatin1String("subscriptions") || name.endsWith(QLatin1String(".lock"));
}

QString uniqueKey(const QString& name)
{
    const qsizetype colon = name.indexOf(QLatin1Char(':'));
    return colon < 0 ? name : name.left(colon);
}

} // namespace

bool MaildirSource::Entry::operator<(const Entry& o) const
{
    if (folder != o.folder)
        return folder < o.folder;
    if (key != o.key)
        return key < o.key;
    return relPath < o.relPath;
}

MaildirSource::MaildirSource(const QString& root) : m_root(QFileInfo(root).absoluteFilePath()) {}

QString MaildirSource::id() const
{
    return QStringLiteral("maildir:") + m_root;
}

Result<void> MaildirSource::open()
{
    const QFileInfo info(m_root);
    if (!info.isDir())
        return makeError(info.exists() ? ErrorCode::InvalidInput : ErrorCode::NotFound,
                         QStringLiteral("%1 is not a folder (expected a Maildir with cur/ and new/)").arg(m_root));
    if (!info.isReadable())
        return makeError(ErrorCode::Io,
                         QStringLiteral("the folder %1 cannot be read (check its permissions)").arg(m_root));
    m_entries.clear();
    scan(QDir(m_root), QString(), 0);
    std::sort(m_entries.begin(), m_entries.end());
    m_next = 0;
    m_opened = true;
    return {};
}

void MaildirSource::addFile(const QString& folder, const QString& relPath, const QString& name)
{
    m_entries.push_back({folder, uniqueKey(name), relPath});
}

void MaildirSource::scan(const QDir& dir, const QString& folder, int depth)
{
    if (depth > kMaxDepth)
        return;
    const QString prefix = folder.isEmpty() ? QString() : folder + QLatin1Char('/');
    if (!dir.isReadable()) {
        addProblem(QStringLiteral("%1: folder cannot be read, skipped").arg(dir.absolutePath()));
        return;
    }
    // Files lying in the folder itself.
    for (const QFileInfo& f : dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name)) {
        if (!isIndexFile(f.fileName()))
            addFile(folder, prefix + f.fileName(), f.fileName());
    }
    for (const QFileInfo& d :
         dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks, QDir::Name)) {
        const QString name = d.fileName();
        if (name == QLatin1String("tmp") || name == QLatin1String(".notmuch") ||
            name == QLatin1String(".git"))
            continue;
        if (name == QLatin1String("cur") || name == QLatin1String("new")) {
            const QDir sub(d.absoluteFilePath());
            if (!sub.isReadable()) {
                addProblem(QStringLiteral("%1: folder cannot be read, skipped").arg(d.absoluteFilePath()));
                continue;
            }
            for (const QFileInfo& f :
                 sub.entryInfoList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name))
                if (!isIndexFile(f.fileName()))
                    addFile(folder, prefix + name + QLatin1Char('/') + f.fileName(), f.fileName());
            continue;
        }
        scan(QDir(d.absoluteFilePath()), prefix + name, depth + 1);
    }
}

Result<std::optional<RawMail>> MaildirSource::next()
{
    if (!m_opened)
        if (auto opened = open(); !opened)
            return opened.error();
    while (m_next < m_entries.size()) {
        const Entry& e = m_entries.at(m_next++);
        // Only regular files are mail, and links are not followed: a FIFO would block the import (and its
        // cancel) forever, a link could bring in /dev/zero or a file outside the Maildir. Moved away by a
        // mail program since the scan, or no permission: the run goes on without it, saying why.
        auto raw = regular_file::readAll(m_root + QLatin1Char('/') + e.relPath, false, kMaxMessageFileBytes);
        if (!raw) {
            addProblem(QStringLiteral("%1: %2").arg(e.relPath, raw.error().message));
            continue;
        }
        return std::optional<RawMail>(RawMail{std::move(raw.value()), e.folder, e.relPath});
    }
    return std::optional<RawMail>();
}

QString MaildirSource::cursor() const
{
    QJsonObject o;
    if (m_next >= m_entries.size()) {
        // A finished run starts over next time; stored messages are recognised by their bytes.
        o.insert(QStringLiteral("complete"), true);
    } else if (m_next > 0) {
        const Entry& last = m_entries.at(m_next - 1);
        o.insert(QStringLiteral("folder"), last.folder);
        o.insert(QStringLiteral("key"), last.key);
        o.insert(QStringLiteral("path"), last.relPath);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void MaildirSource::resume(const QString& cursor)
{
    if (!m_opened)
        if (!open())
            return;
    m_next = 0;
    const QJsonObject o = QJsonDocument::fromJson(cursor.toUtf8()).object();
    if (!o.contains(QStringLiteral("key")))
        return;
    const Entry last{o.value(QStringLiteral("folder")).toString(), o.value(QStringLiteral("key")).toString(),
                     o.value(QStringLiteral("path")).toString()};
    m_next = std::upper_bound(m_entries.begin(), m_entries.end(), last) - m_entries.begin();
}

} // namespace casebook
