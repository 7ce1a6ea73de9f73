#pragma once

#include "sources/mail_source.h"

namespace casebook {

// Single message files (.eml), one message each, in the order given. Not resumable: a list of files is
// quick to read again, and stored messages are recognised by their bytes.
class EmlSource final : public MailSource {
public:
    explicit EmlSource(QStringList paths);

    // Fails on the first path that does not exist or is a folder: a mistyped name is an error, not an
    // empty import. Other unreadable files are skipped by next() with the reason.
    Result<void> open() const;

    QString id() const override;
    Result<std::optional<RawMail>> next() override;
    QString cursor() const override { return {}; }
    void resume(const QString&) override {}

private:
    QStringList m_paths;
    qsizetype m_next = 0;
};

} // namespace casebook
