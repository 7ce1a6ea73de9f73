// The strings built from a channel's row of model/channel_table.h: what a synced message's source, an
// external id or a customer identity of a channel looks like. Code that writes or reads such a string
// calls these instead of spelling "coupang:" itself, so a channel's prefixes live in its row alone.
#pragma once

#include "model/channel_table.h"
#include "model/enums.h"

#include <QLatin1Char>
#include <QString>

namespace casebook {

// A synced message's source: "<sourcePrefix>:<account>" ("imap:shop-mail", "coupang:shop"). For a channel
// no account syncs (CSV), the channel's name stands in: "csv:<file>".
inline QString sourceFor(Channel c, const QString& accountOrFile)
{
    const ChannelInfo& row = channelInfo(c);
    const QString prefix = toQString(row.sourcePrefix.empty() ? row.name : row.sourcePrefix);
    return prefix + QLatin1Char(':') + accountOrFile;
}

// An item's external id: "<idPrefix><list>:<id>" ("coupang:online:123", "naver:qna:9", "csv:kmong:12").
inline QString externalIdFor(Channel c, const QString& list, const QString& id)
{
    return toQString(channelInfo(c).idPrefix) + list + QLatin1Char(':') + id;
}

// A customer identity's kind for the channel's own buyer ids ("coupang", "naver", "csv"), and for an
// email address ("email"): the channel's stable name.
inline QString identityKindOf(Channel c)
{
    return toString(c);
}

// What a marketplace's gateway counts calls by (SharedCallPacer): "<name>:<vendor or client id>".
inline QString gatewayKeyFor(Channel c, const QString& caller)
{
    return toString(c) + QLatin1Char(':') + caller;
}

} // namespace casebook
