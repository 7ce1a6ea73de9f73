#pragma once

#include "mail/mime_parser.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

namespace casebook::test {

// A mail from tests/data/mail/, parsed; a failure to parse fails the test.
inline InboundMessage parseFixture(const char* name)
{
    auto r = parseMessage(readFile(testData(QStringLiteral("mail/") + QLatin1String(name))));
    if (!r)
        FAIL(r.error().message.toStdString());
    return r.value();
}

} // namespace casebook::test
