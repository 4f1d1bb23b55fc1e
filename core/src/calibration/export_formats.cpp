#include "calibration/export_formats.hpp"

#include <algorithm>
#include <cctype>

#include "base/errors.hpp"

namespace splitsim {
namespace {

using F = HistoryField;

// How many leading records may be titles before the header (LinkedIn's and Google Ads' exports have a few).
constexpr std::size_t kMaxTitleRecords = 20;

std::size_t at(F field) { return static_cast<std::size_t>(field); }

ExportFormat make_format(std::string name, std::string description,
                         std::initializer_list<std::pair<F, std::vector<std::string>>> headers) {
  ExportFormat format{std::move(name), std::move(description), {}};
  for (auto& [field, names] : headers) format.headers[at(field)] = names;
  return format;
}

// Built once. Clicks: where a format has both, the one whose meaning matches the bundled plugin's CTR default
// comes first (all clicks for Meta and TikTok); the posterior CTR means what the column counted.
std::vector<ExportFormat> build_formats() {
  std::vector<ExportFormat> formats;
  formats.push_back(make_format("generic", "splitsim's own column names",
                                {{F::kDate, {"date"}},
                                 {F::kEndDate, {"end_date"}},
                                 {F::kSpend, {"spend"}},
                                 {F::kImpressions, {"impressions"}},
                                 {F::kReach, {"reach"}},
                                 {F::kClicks, {"clicks"}},
                                 {F::kConversions, {"conversions"}},
                                 {F::kOrganicPosts, {"organic_posts"}},
                                 {F::kOrganicImpressions, {"organic_impressions"}},
                                 {F::kFollowers, {"followers"}}}));
  formats.push_back(make_format("meta", "Meta Ads Manager (Facebook, Instagram)",
                                {{F::kDate, {"Day", "Reporting starts"}},
                                 {F::kEndDate, {"Reporting ends"}},
                                 {F::kSpend, {"Amount spent (*)", "Amount spent"}},
                                 {F::kImpressions, {"Impressions"}},
                                 {F::kReach, {"Reach"}},
                                 {F::kClicks, {"Clicks (all)", "Link clicks"}},
                                 {F::kConversions, {"Results", "Purchases", "Leads"}}}));
  formats.push_back(make_format("linkedin", "LinkedIn Campaign Manager",
                                {{F::kDate, {"Start Date (in UTC)", "Start Date"}},
                                 {F::kSpend, {"Total Spent", "Amount Spent"}},
                                 {F::kImpressions, {"Impressions"}},
                                 {F::kReach, {"Approximate Member Reach", "Reach"}},
                                 {F::kClicks, {"Clicks"}},
                                 {F::kConversions, {"Conversions", "Leads"}}}));
  formats.push_back(make_format("tiktok", "TikTok Ads Manager",
                                {{F::kDate, {"Date", "By Day", "Stat time"}},
                                 {F::kSpend, {"Cost", "Total cost"}},
                                 {F::kImpressions, {"Impressions"}},
                                 {F::kReach, {"Reach"}},
                                 {F::kClicks, {"Clicks (All)", "Clicks (Destination)", "Clicks"}},
                                 {F::kConversions, {"Conversions", "Results"}}}));
  formats.push_back(make_format("google_ads", "Google Ads (YouTube)",
                                {{F::kDate, {"Day"}},
                                 {F::kSpend, {"Cost"}},
                                 {F::kImpressions, {"Impr.", "Impressions"}},
                                 {F::kReach, {"Unique users"}},
                                 {F::kClicks, {"Clicks"}},
                                 {F::kConversions, {"Conversions"}}}));
  return formats;
}

std::string trimmed_lower(const std::string& text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  std::string lower = text.substr(begin, end - begin);
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return lower;
}

// Case-insensitive match where '*' stands for any text.
bool header_matches(const std::string& pattern, const std::string& header) {
  const std::string p = trimmed_lower(pattern), h = trimmed_lower(header);
  const auto star = p.find('*');
  if (star == std::string::npos) return p == h;
  const std::string prefix = p.substr(0, star), suffix = p.substr(star + 1);
  return h.size() >= prefix.size() + suffix.size() && h.compare(0, prefix.size(), prefix) == 0 &&
         h.compare(h.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<std::size_t> find_column(const std::vector<std::string>& names, const CsvRecord& header) {
  for (const auto& name : names) {
    for (std::size_t c = 0; c < header.fields.size(); ++c) {
      if (header_matches(name, header.fields[c])) return c;
    }
  }
  return std::nullopt;
}

// The format's header names with the scenario's own names in place of those it gives.
ExportFormat with_custom(ExportFormat format, const v1::HistoryColumns& custom) {
  const std::array<const std::string*, kHistoryFieldCount> names{
      &custom.date(),        &custom.end_date(),      &custom.spend(),
      &custom.impressions(), &custom.reach(),         &custom.clicks(),
      &custom.conversions(), &custom.organic_posts(), &custom.organic_impressions(),
      &custom.followers()};
  bool any = false;
  for (std::size_t f = 0; f < kHistoryFieldCount; ++f) {
    if (names[f]->empty()) continue;
    format.headers[f] = {*names[f]};
    any = true;
  }
  if (any) format.name = "custom";
  return format;
}

ColumnMapping map_with(const ExportFormat& format, const std::vector<CsvRecord>& records, std::size_t r) {
  ColumnMapping mapping;
  mapping.format = format.name;
  mapping.header_line = records[r].line;
  mapping.header_record = r;
  for (std::size_t f = 0; f < kHistoryFieldCount; ++f) {
    mapping.column[f] = find_column(format.headers[f], records[r]);
    if (mapping.column[f]) mapping.header[f] = records[r].fields[*mapping.column[f]];
  }
  return mapping;
}

std::size_t mapped_count(const ColumnMapping& mapping) {
  return static_cast<std::size_t>(std::count_if(mapping.column.begin(), mapping.column.end(),
                                                [](const auto& c) { return c.has_value(); }));
}

std::string quoted_names(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "'" : " or '") + name + "'";
  return text;
}

}  // namespace

const char* history_field_name(HistoryField field) {
  static constexpr const char* kNames[kHistoryFieldCount] = {
      "date",   "end_date",    "spend",         "impressions",         "reach",
      "clicks", "conversions", "organic_posts", "organic_impressions", "followers"};
  return kNames[at(field)];
}

const std::vector<ExportFormat>& export_formats() {
  static const std::vector<ExportFormat> formats = build_formats();
  return formats;
}

ColumnMapping map_columns(const std::vector<CsvRecord>& records, const std::string& file,
                          const std::string& format, const v1::HistoryColumns& custom) {
  std::vector<ExportFormat> candidates;
  for (const auto& f : export_formats()) {
    if (format.empty() || f.name == format) candidates.push_back(with_custom(f, custom));
  }
  if (candidates.empty()) {
    std::string known;
    for (const auto& f : export_formats()) known += (known.empty() ? "" : ", ") + f.name;
    throw InputError(file, "unknown export format '" + format + "' (known: " + known + ")");
  }
  if (records.empty()) throw InputError(file, "the file is empty: a history needs a header and rows");

  // The header is the first record holding a date column of some candidate format; among the formats whose
  // date it holds, the one mapping the most fields wins (ties: the order of export_formats()).
  const std::size_t last = std::min(records.size(), kMaxTitleRecords);
  for (std::size_t r = 0; r < last; ++r) {
    const ColumnMapping* best = nullptr;
    std::vector<ColumnMapping> mappings;
    mappings.reserve(candidates.size());
    for (const auto& candidate : candidates) mappings.push_back(map_with(candidate, records, r));
    const auto score = [](const ColumnMapping& m) { return (m.has(F::kSpend) ? 100 : 0) + mapped_count(m); };
    for (const auto& mapping : mappings) {
      if (mapping.has(F::kDate) && (!best || score(mapping) > score(*best))) best = &mapping;
    }
    if (!best) continue;
    if (!best->has(F::kSpend)) {
      const auto& names = candidates[static_cast<std::size_t>(best - mappings.data())].headers[at(F::kSpend)];
      throw InputError({{file, records[r].line, "spend",
                         "no spend column: the header has none of " + quoted_names(names) + " (format " +
                             best->format + ")"}});
    }
    return *best;
  }
  std::string expected;
  for (const auto& candidate : candidates)
    expected += (expected.empty() ? " " : "; ") + candidate.name + " " +
                quoted_names(candidate.headers[at(F::kDate)]);
  throw InputError(
      {{file, records.front().line, "date",
        "no date column in the first " + (last == 1 ? std::string("line") : std::to_string(last) + " lines") +
            "; a header needs one of:" + expected}});
}

}  // namespace splitsim
