// Reads a scenario file (Protobuf text format or JSON) through libprotobuf's own parsers.
#pragma once

#include <filesystem>
#include <string>

#include "scenario.pb.h"
#include "scenario/scenario_file.hpp"
#include "scenario/source_map.hpp"

namespace splitsim {

// A parsed scenario with where it came from. Defaults are filled in, so what runs is what is recorded.
struct LoadedScenario {
  v1::Scenario scenario;
  std::string file;  // as given by the user, for messages
  SourceMap source;  // field lines
};

// Parses `path` by its extension: .textproto/.pbtxt/.txtpb as text format, .json as JSON.
// Throws InputError naming the file, line and problem for unreadable or malformed files and unknown fields;
// for JSON also for keys given twice and values of the wrong shape (see json_structure.hpp).
LoadedScenario load_scenario(const std::filesystem::path& path);

// Parses scenario text in the given format (text format, or JSON); `file` names it in messages. A UTF-8 byte
// order mark at the start is skipped; UTF-16 is refused by name.
LoadedScenario parse_scenario(const std::string& content, bool is_json, const std::string& file);

// Fills documented defaults for fields left unset (currency, period length, trials, grid steps, statistic).
void apply_defaults(v1::Scenario& scenario);

}  // namespace splitsim
