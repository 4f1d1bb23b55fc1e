#include "calibration/csv_reader.hpp"

#include <csv.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "base/errors.hpp"

namespace splitsim {
namespace {

// Exports of ten years of daily rows take a few MiB; anything far larger is not a history.
constexpr std::uintmax_t kMaxBytes = 64u << 20;

// What libcsv's callbacks fill: the records so far and the line being fed.
struct Collector {
  std::vector<CsvRecord> records;
  CsvRecord current;
  bool in_record = false;
  int line = 1;         // the line being fed
  int record_line = 1;  // the line the next record starts on
};

void on_field(void* text, std::size_t length, void* data) {
  auto& c = *static_cast<Collector*>(data);
  if (!c.in_record) {
    c.current = CsvRecord{c.record_line, {}};
    c.in_record = true;
  }
  c.current.fields.emplace_back(static_cast<const char*>(text), length);
}

void on_record_end(int, void* data) {
  auto& c = *static_cast<Collector*>(data);
  if (!c.in_record) return;
  c.records.push_back(std::move(c.current));
  c.in_record = false;
}

// The delimiter the opening of the file holds most of, outside quotes: exports use commas, some locales'
// spreadsheets semicolons, some tools tabs.
unsigned char guess_delimiter(std::string_view content) {
  const std::string_view head = content.substr(0, 4096);
  std::array<std::size_t, 3> counts{};
  constexpr std::array<char, 3> kCandidates{',', ';', '\t'};
  bool quoted = false;
  for (char ch : head) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    for (std::size_t i = 0; i < kCandidates.size(); ++i) counts[i] += ch == kCandidates[i];
  }
  const auto best = std::max_element(counts.begin(), counts.end()) - counts.begin();
  return static_cast<unsigned char>(counts[static_cast<std::size_t>(best)] > 0 ? kCandidates[best] : ',');
}

}  // namespace

std::string column_letters(std::size_t column) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

std::vector<CsvRecord> parse_csv(std::string_view content, const std::string& name) {
  if (content.size() >= 2 &&
      ((content[0] == '\xff' && content[1] == '\xfe') || (content[0] == '\xfe' && content[1] == '\xff'))) {
    throw InputError(name, "the file is UTF-16: save or export it as UTF-8 CSV");
  }
  if (content.substr(0, 3) == "\xef\xbb\xbf") content.remove_prefix(3);

  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
  csv_set_delim(&parser, guess_delimiter(content));
  Collector collector;
  // Fed one line at a time, so every record knows the line it starts on: a line that begins outside quotes
  // begins a record (a quoted field may hold line breaks).
  std::size_t start = 0;
  bool quoted = false;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    end = end == std::string_view::npos ? content.size() : end + 1;
    const std::size_t length = end - start;
    if (!quoted) collector.record_line = collector.line;
    for (std::size_t i = start; i < end; ++i) quoted = content[i] == '"' ? !quoted : quoted;
    if (csv_parse(&parser, content.data() + start, length, on_field, on_record_end, &collector) != length) {
      const std::string why = csv_strerror(csv_error(&parser));
      csv_free(&parser);
      throw InputError({{name, collector.line, "", "malformed CSV (" + why + "): check the quotes"}});
    }
    start = end;
    ++collector.line;
  }
  if (csv_fini(&parser, on_field, on_record_end, &collector) != 0) {
    csv_free(&parser);
    throw InputError({{name, collector.line - 1, "", "malformed CSV: a quoted field is not closed"}});
  }
  csv_free(&parser);
  return std::move(collector.records);
}

std::vector<CsvRecord> read_csv(const std::filesystem::path& path, const std::string& name) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || !std::filesystem::is_regular_file(path, ec)) throw InputError(name, "cannot read the file");
  if (size > kMaxBytes) {
    throw InputError(name, "the file has " + std::to_string(size >> 20) +
                               " MiB, more than the 64 MiB a history or lift test file may have");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(name, "cannot read the file");
  std::ostringstream content;
  if (size > 0) content << in.rdbuf();
  return parse_csv(content.str(), name);
}

}  // namespace splitsim
