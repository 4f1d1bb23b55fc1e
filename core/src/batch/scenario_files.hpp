// Finding the scenario files of a batch: files, folders (recursively) and glob patterns.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace splitsim {

// True for the extensions splitsim reads as scenarios (.textproto, .pbtxt, .txtpb, .json).
bool is_scenario_file(const std::filesystem::path& path);

// Expands each argument: a file is taken as is (whatever its extension, so a typo is reported, not
// skipped); a folder contributes its scenario files, recursively; anything else is a glob pattern.
// The result is sorted and free of duplicates. A folder or pattern never yields the batch's own manifest.json
// in `output_dir`. Throws UsageError for an argument that matches nothing.
std::vector<std::filesystem::path> find_scenario_files(const std::vector<std::string>& arguments,
                                                       const std::filesystem::path& output_dir = {});

// A results file name per scenario, unique within the batch: the scenario's stem, with its parent
// folder's name added when two scenarios share a stem ("q1/plan.textproto" -> "q1-plan.pb"), and never a
// name of the manifest's ("manifest.textproto" -> "manifest-2.pb").
std::vector<std::string> output_names(const std::vector<std::filesystem::path>& scenarios);

}  // namespace splitsim
