// The runner's error kinds, each mapped to an exit code: bad input or usage -> 2, runtime failure -> 1.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace splitsim {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRuntimeFailure = 1;
inline constexpr int kExitBadInput = 2;

// `text` safe to print: control characters (C0, DEL, C1), bidirectional overrides and bytes that are not
// UTF-8 are shown escaped (\n, \t, \x1b, \u009b, \u202e), so user text quoted in a message cannot drive the
// terminal. Printable text, including non-ASCII letters, is returned unchanged.
std::string escape_unprintable(std::string_view text);

// One problem in an input file, located as precisely as the format allows.
struct InputProblem {
  std::string file;
  int line = 0;       // 1-based; 0 when the format or the problem has no line
  std::string field;  // e.g. "channels[1].paid_share.min"; empty for file-level problems
  std::string message;

  // "file:line: field: message", leaving out what is unknown; unprintable characters escaped.
  std::string to_string() const;
};

// Bad input (scenario or results file): every problem found, reported together. Exit code 2.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<InputProblem> problems);
  InputError(std::string file, std::string message);  // a single file-level problem
  const std::vector<InputProblem>& problems() const { return problems_; }

 private:
  std::vector<InputProblem> problems_;
};

// Bad command-line usage. Exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A plugin that failed to load, threw, or produced impossible output. Exit code 1.
class PluginError : public std::runtime_error {
 public:
  PluginError(std::string plugin, std::string message);
  const std::string& plugin() const { return plugin_; }

 private:
  std::string plugin_;
};

// The run was cancelled (e.g. a batch received SIGINT) before it finished; nothing of it may be used.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace splitsim
