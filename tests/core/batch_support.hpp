// What the batch tests share: scenarios, a batch started as a child process, reading its manifest.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "batch.pb.h"

namespace splitsim::testing {

// A real scenario on the bundled plugins; `seed` makes each one distinct.
std::string good_scenario(int seed, int trials = 200);
// A small scenario on one plugin (a test plugin, usually).
std::string scenario_on_plugin(const std::string& plugin);

// Starts `splitsim batch ARGS` as a child process (stdout discarded, stderr to `stderr_file`); its pid.
pid_t spawn_batch(const std::vector<std::string>& args, const std::filesystem::path& stderr_file);

// The manifest in `dir`, or an empty one when it cannot be read yet.
v1::BatchManifest read_manifest(const std::filesystem::path& dir);
int count_ok(const std::filesystem::path& dir);

// Waits until the batch's manifest shows one finished scenario; fails if the batch ends first.
void wait_for_first_result(const std::filesystem::path& out, pid_t pid);

// The pids of running `splitsim job` processes whose request file lies in `out`.
std::vector<pid_t> job_processes(const std::filesystem::path& out);

}  // namespace splitsim::testing
