#pragma once

#include "ui_language.h"

#include <catch2/catch.hpp>

namespace casebook::test {

// Switches the UI language for one test and back to English after, also when the test fails.
struct LanguageScope {
    explicit LanguageScope(const QString& language) { REQUIRE(ui::UiLanguage::install(language)); }
    ~LanguageScope() { ui::UiLanguage::install(QStringLiteral("en")); }
};

} // namespace casebook::test
