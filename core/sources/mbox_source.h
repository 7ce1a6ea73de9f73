#pragma once

#include "sources/mail_source.h"

#include <QFile>

namespace casebook {

// An mbox file, read line by line so that its size does not matter. Messages are separated by a "From "
// line that follows a blank line (or opens the file) and carries a time, as mbox writers put it; a "From "
// line in a body that a writer forgot to escape stays in its message. LF and CRLF files both work, and a
// truncated last message is yielded as far as it goes.
class MboxSource final : public MailSource {
public:
    // mboxrd: writers quote every ">*From " line with one more '>', which reading removes.
    // mboxo: only "From " was quoted, so ">From " is ambiguous and stays as written.
    enum class Format { Mboxrd, Mboxo };

    explicit MboxSource(const QString& path, Format format = Format::Mboxrd);

    Result<void> open();

    QString id() const override;
    Result<std::optional<RawMail>> next() override;
    QString cursor() const override;
    void resume(const QString& cursor) override;

    // Whether `line` (with its line ending) can separate two messages.
    static bool isSeparator(const QByteArray& line);

private:
    QString m_path;
    Format m_format;
    QFile m_file;
    qint64 m_next = 0; // offset of the next message (its "From " line)
    bool m_opened = false;
};

} // namespace casebook
