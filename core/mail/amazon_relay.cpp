#include "mail/amazon_relay.h"

#include "mail/order_numbers.h"

#include <QRegularExpression>
#include <array>

namespace casebook {
namespace {

// The stores whose relay domain is marketplace.amazon.<suffix>. Data, not a pattern: a look-alike such as
// marketplace.amazon.example.com must not pass.
constexpr std::array<const char*, 23> kStoreSuffixes{
    "com", "ca", "com.mx", "com.br", "co.uk", "de", "fr", "it", "es", "nl", "se", "pl",
    "com.be", "ie", "com.tr", "ae", "sa", "eg", "in", "co.jp", "com.au", "sg", "co.za"};

const QString kRelayHost = QStringLiteral("marketplace.amazon.");

} // namespace

bool isAmazonRelayAddress(const QString& address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return false;
    const QString domain = address.mid(at + 1).trimmed().toLower();
    if (!domain.startsWith(kRelayHost))
        return false;
    const QStringView suffix = QStringView(domain).mid(kRelayHost.size());
    for (const char* s : kStoreSuffixes)
        if (suffix.compare(QLatin1String(s)) == 0)
            return true;
    return false;
}

void recogniseAmazonRelay(InboundMessage& m)
{
    bool relay = isAmazonRelayAddress(m.fromAddress);
    for (const QString& to : m.to)
        relay = relay || isAmazonRelayAddress(to);
    if (!relay)
        return;
    m.channel = Channel::Amazon;
    if (const QString order = firstAmazonOrderNumber(m.subject); !order.isEmpty()) {
        m.orderNumbers.removeAll(order);
        m.orderNumbers.prepend(order);
    }
    if (isAmazonRelayAddress(m.fromAddress)) {
        // "Jane Doe - Amazon Marketplace": the relay's suffix is not part of the buyer's name.
        static const QRegularExpression suffix(QStringLiteral("\\s+-\\s+Amazon(\\.[a-z.]+)?\\s+Marketplace\\s*$"),
                                               QRegularExpression::CaseInsensitiveOption);
        m.fromName.remove(suffix);
        m.customerName = m.fromName;
    }
}

} // namespace casebook
