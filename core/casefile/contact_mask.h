#pragma once

#include <QString>
#include <QStringList>

namespace casebook {

// Hides e-mail addresses and phone numbers in text meant for sharing: `minsu@mail.example` becomes
// `m****@mail.example` and `010-1234-5678` becomes `***-****-5678`. `known` lists the customer's own
// identities, masked wherever they appear even when they look like neither.
QString maskContacts(const QString& text, const QStringList& known = {});

} // namespace casebook
