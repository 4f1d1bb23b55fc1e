// Reads a scenario file (Protobuf text format or JSON) through libprotobuf's own parsers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "scenario.pb.h"
#include "scenario/source_map.hpp"

namespace splitsim {

// Larger scenario files are refused before they are read.
inline constexpr std::uintmax_t kMaxScenarioBytes = 16u * 1024 * 1024;

// A parsed scenario with where it came from. Defaults are filled in, so what runs is what is recorded.
struct LoadedScenario {
  v1::Scenario scenario;
  std::string file;  // as given by the user, for messages
  SourceMap source;  // field lines (text format only)
};

// Parses `path` by its extension: .textproto/.pbtxt/.txtpb as text format, .json as JSON.
// Throws InputError naming the file, line and problem for unreadable or malformed files and unknown fields.
LoadedScenario load_scenario(const std::filesystem::path& path);

// Parses scenario text in the given format ("text" or "json"); `file` names it in messages.
LoadedScenario parse_scenario(const std::string& content, bool is_json, const std::string& file);

// Fills documented defaults for fields left unset (currency, period length, trials, grid steps, statistic).
void apply_defaults(v1::Scenario& scenario);

}  // namespace splitsim
