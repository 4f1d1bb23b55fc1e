#include "plugins/plugin_trust.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace splitsim {
namespace {

namespace fs = std::filesystem;

std::string user_name(uid_t uid) {
  passwd entry{};
  passwd* found = nullptr;
  char buffer[1024];
  if (::getpwuid_r(uid, &entry, buffer, sizeof buffer, &found) == 0 && found) {
    return std::string(found->pw_name) + " (uid " + std::to_string(uid) + ")";
  }
  return "uid " + std::to_string(uid);
}

std::string mode_text(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

enum class Rule {
  kOwnedAndPrivate,  // the library and its folder: yours or root's, writable by nobody else
  kNoStrangerWrites  // a folder above: writable by nobody else, unless sticky (others cannot replace ours)
};

std::optional<std::string> check_entry(const fs::path& path, const std::string& what, Rule rule) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return "cannot inspect " + what + path.string() + ": " + std::strerror(errno);
  const uid_t me = ::geteuid();
  if (rule == Rule::kOwnedAndPrivate && st.st_uid != me && st.st_uid != 0) {
    return what + path.string() + " belongs to " + user_name(st.st_uid) +
           ", not to you or root: whoever owns it can make this process run their code";
  }
  const bool group = st.st_mode & S_IWGRP, others = st.st_mode & S_IWOTH;
  const bool sticky = st.st_mode & S_ISVTX;
  if ((group || others) && !(rule == Rule::kNoStrangerWrites && sticky)) {
    return what + path.string() + " is writable by " + (others ? "everyone" : "its group") + " (mode " +
           mode_text(st.st_mode) + "): anyone who can write there can make this process run their code";
  }
  return std::nullopt;
}

// A folder holding a library, then every folder above it up to the root.
std::optional<std::string> check_folder_chain(const fs::path& folder) {
  if (auto problem = check_entry(folder, "its folder ", Rule::kOwnedAndPrivate)) return problem;
  for (auto above = folder.parent_path();; above = above.parent_path()) {
    if (auto problem = check_entry(above, "the folder ", Rule::kNoStrangerWrites)) return problem;
    if (above == above.root_path() || above.empty()) break;
  }
  return std::nullopt;
}

bool same_folder(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec);
}

}  // namespace

std::optional<std::string> untrusted_library_reason(const fs::path& file, const fs::path& folder,
                                                    const std::vector<fs::path>& trusted_folders) {
  for (const auto& trusted : trusted_folders) {
    if (same_folder(folder, trusted)) return std::nullopt;
  }
  std::error_code ec;
  const fs::path real_file = fs::canonical(file, ec);
  if (ec) return "cannot resolve its path (" + ec.message() + ")";
  const fs::path real_folder = fs::canonical(folder, ec);
  if (ec) return "cannot resolve its folder (" + ec.message() + ")";
  auto problem = check_entry(real_file, "the library ", Rule::kOwnedAndPrivate);
  if (!problem) problem = check_folder_chain(real_folder);
  if (!problem && real_file.parent_path() != real_folder)
    problem = check_folder_chain(real_file.parent_path());
  if (!problem) return std::nullopt;
  return "refused to load: " + *problem +
         ". Fix the ownership or permissions (e.g. chmod go-w), or, if you trust everyone who can write "
         "there, pass --trust-plugin-dir " +
         folder.string() + " (or add it to SPLITSIM_TRUSTED_PLUGIN_DIRS)";
}

}  // namespace splitsim
