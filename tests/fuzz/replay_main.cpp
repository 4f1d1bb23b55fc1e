// A libFuzzer-compatible driver for builds without libFuzzer (g++, the default): runs the fuzz target on
// every file given (or every file of every folder given), then on a fixed number of deterministic mutations
// of each, so the default test suite exercises the target with inputs nobody wrote.
//
//   fuzz_scenario_replay [--mutations N] [--seed S] PATH...
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

void run(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

// The usual byte-level mutations: flip, overwrite with an interesting byte, insert, erase, truncate,
// duplicate a slice, splice in a token that scenario files contain, and stretch: a run of up to 64 KiB of one
// character (a letter, spaces, quotes, brackets), so that lines grow long and nesting deep, which seeds of a
// few kilobytes never reach.
std::string mutate(std::string input, std::mt19937_64& rng) {
  static const std::vector<std::string> kTokens = {
      "{",
      "}",
      "[",
      "]",
      ":",
      "\"",
      "nan",
      "inf",
      "-1",
      "1e308",
      "0",
      "channels { ",
      "min: ",
      "max: ",
      "\"paid_share\": ",
      "\\u0000",
      "\xff",
      "18446744073709551616",
      "organic_step: 0.3",
  };
  const auto pick = [&rng](std::size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  const int rounds = 1 + static_cast<int>(pick(4));
  for (int r = 0; r < rounds; ++r) {
    const std::size_t at = pick(input.size() + 1);
    switch (pick(7)) {
      case 0:
        if (!input.empty()) input[std::min(at, input.size() - 1)] ^= static_cast<char>(1u << pick(8));
        break;
      case 1:
        input.insert(at, kTokens[pick(kTokens.size())]);
        break;
      case 2:
        input.erase(at, pick(16) + 1);
        break;
      case 3:
        input.resize(at);
        break;
      case 4: {
        const std::size_t from = pick(input.size() + 1);
        input.insert(at, input.substr(from, pick(64) + 1));
        break;
      }
      case 5: {
        static const std::string kStretched = "x \"[{:";
        input.insert(at, std::string(1 + pick(64 * 1024), kStretched[pick(kStretched.size())]));
        break;
      }
      default:
        if (!input.empty()) input[std::min(at, input.size() - 1)] = static_cast<char>(pick(256));
        break;
    }
  }
  return input;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mutations = 0;
  std::uint64_t seed = 1;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--mutations" && i + 1 < argc) {
      mutations = std::stoull(argv[++i]);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::stoull(argv[++i]);
    } else if (fs::is_directory(arg)) {
      for (const auto& entry : fs::directory_iterator(arg)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else {
      files.emplace_back(arg);
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::cerr << "usage: fuzz_scenario_replay [--mutations N] [--seed S] FILE_OR_FOLDER...\n";
    return 2;
  }
  std::mt19937_64 rng(seed);
  std::size_t inputs = 0;
  for (const auto& file : files) {
    const std::string original = read(file);
    run(original);
    ++inputs;
    for (std::size_t m = 0; m < mutations; ++m, ++inputs) run(mutate(original, rng));
  }
  std::cout << "fuzz_scenario_replay: " << inputs << " inputs from " << files.size() << " files, no crash\n";
  return 0;
}
