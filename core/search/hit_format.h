#pragma once

#include "search/searcher.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// How `casebook-cli search` prints hits, byte for byte what the CLI printed when it formatted them with
// QJsonDocument and QTextStream (the tests compare the two).
namespace casebook::search::hit_format {

// ISO 8601 in UTC to the second ("2026-03-02T00:34:12Z"), as QDateTime::toString(Qt::ISODate); empty
// for no date or a year outside 1–9999.
std::string isoDate(std::optional<std::int64_t> msSinceEpoch);

// A JSON string literal, escaped as QJsonDocument writes it.
std::string jsonString(std::u16string_view s);

// One compact JSON array of the hits, keys in QJsonObject's (sorted) order, and a newline.
std::string json(const std::vector<Hit>& hits);

// One line per hit (#ticket, local date for people, sender, subject, tab-separated) and its snippet with
// [matches].
std::string text(const std::vector<Hit>& hits);

} // namespace casebook::search::hit_format
