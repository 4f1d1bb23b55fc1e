// Reading a CSV export (a platform's history or a lift test list) into records with their line numbers.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace splitsim {

// One record of a CSV file: its fields and the 1-based line it starts on, for messages.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

// The file's records, parsed by libcsv (RFC 4180: quoted fields may hold the delimiter, doubled quotes and
// line breaks). The delimiter is a comma, a semicolon or a tab, whichever the first lines hold most of. A
// UTF-8 byte order mark is skipped; blank lines give no record. `name` names the file in messages. Throws
// InputError naming the file (and line) when it cannot be read, is UTF-16, is larger than 64 MiB or has
// malformed quoting.
std::vector<CsvRecord> read_csv(const std::filesystem::path& path, const std::string& name);

// The same, from text already in memory.
std::vector<CsvRecord> parse_csv(std::string_view content, const std::string& name);

// Spreadsheet column letters of a 0-based column index: 0 -> "A", 27 -> "AB".
std::string column_letters(std::size_t column);

}  // namespace splitsim
