#pragma once

#include <QString>
#include <openssl/err.h>

namespace casebook {

// OpenSSL's reason for the last failure on this thread, for a message; its error queue is left empty.
inline QString opensslReason()
{
    const unsigned long e = ERR_peek_last_error();
    ERR_clear_error();
    if (!e)
        return QStringLiteral("unknown reason");
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

} // namespace casebook
