// core/mail/ owns MIME: raw mail in (GMime → InboundMessage with decoded headers, text, sanitised HTML and
// attachments), charsets, order numbers in text, and later MIME out for replies.
#pragma once

#include "model/result.h"
#include "model/values.h"

namespace casebook {

// A text or HTML body is kept up to this many decoded bytes; the rest stays in the raw message, which is
// stored whole, and a line at the end says how much more it holds. Longer than any reply a person writes,
// and past what the window shows as HTML (docs/limits.md): a 108 MB body took 34 s and 895 MB to import.
inline constexpr qsizetype kMaxBodyBytes = 2 * 1024 * 1024;

struct ParseLimits {
    int maxDepth = 50;
    int maxParts = 10000;
    qsizetype maxHeaderBytes = 1 << 20;
};

// Parses one raw RFC 5322 message. Fails only when the bytes cannot be read as a message at all; the caller
// then quarantines them. The returned message carries the raw bytes and their SHA-256 (`rawSha256` when the
// caller hashed them already, so that an import hashes each message once).
Result<InboundMessage> parseMessage(const QByteArray& raw, const ParseLimits& limits = {},
                                    const QString& rawSha256 = {});

// Removes Re:, Fwd:, 답장:, 회신: and the like, and a [#1042] tag, for comparing subjects.
QString normalizedSubject(const QString& subject);

} // namespace casebook
