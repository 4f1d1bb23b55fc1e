#include "base/gather_or_fail.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "base/errors.hpp"

namespace splitsim {
namespace {

// What a process's bytes start with: its own bytes follow, or why it has none.
enum class Status : char { kOk = 0, kPluginError = 1, kCancelled = 2, kOtherError = 3 };

void put_text(std::string& bytes, const std::string& text) {
  const std::uint64_t length = text.size();
  bytes.append(reinterpret_cast<const char*>(&length), sizeof length);
  bytes += text;
}

std::string take_text(const std::string& bytes, std::size_t& at) {
  std::uint64_t length = 0;
  if (at + sizeof length > bytes.size() ||
      (std::memcpy(&length, bytes.data() + at, sizeof length), length > bytes.size() - at - sizeof length))
    throw std::runtime_error("a process's failure could not be read");
  at += sizeof length;
  std::string text = bytes.substr(at, length);
  at += length;
  return text;
}

// The failure as bytes any process can throw again.
std::string describe(std::exception_ptr failure) {
  std::string bytes;
  try {
    std::rethrow_exception(failure);
  } catch (const PluginError& e) {
    bytes.push_back(static_cast<char>(Status::kPluginError));
    put_text(bytes, e.plugin());
    // what() is "plugin 'NAME': MESSAGE": the message alone, which the constructor prefixes again.
    std::string message = e.what();
    const std::string prefix = "plugin '" + e.plugin() + "': ";
    if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
    put_text(bytes, message);
  } catch (const Cancelled&) {
    bytes.push_back(static_cast<char>(Status::kCancelled));
  } catch (const std::exception& e) {
    bytes.push_back(static_cast<char>(Status::kOtherError));
    put_text(bytes, e.what());
  } catch (...) {
    bytes.push_back(static_cast<char>(Status::kOtherError));
    put_text(bytes, "a non-standard exception");
  }
  return bytes;
}

[[noreturn]] void throw_described(const std::string& bytes, std::size_t rank) {
  std::size_t at = 1;
  switch (static_cast<Status>(bytes[0])) {
    case Status::kPluginError: {
      std::string plugin = take_text(bytes, at);
      throw PluginError(std::move(plugin), take_text(bytes, at));
    }
    case Status::kCancelled:
      throw Cancelled();
    default:
      throw std::runtime_error("rank " + std::to_string(rank) + ": " + take_text(bytes, at));
  }
}

}  // namespace

std::vector<std::string> gather_or_fail(const ProcessGroup& group, std::string_view mine,
                                        std::exception_ptr failure) {
  std::string sent;
  if (failure) {
    sent = describe(failure);
  } else {
    sent.reserve(mine.size() + 1);
    sent.push_back(static_cast<char>(Status::kOk));
    sent += mine;
  }
  auto parts = group.all_gather(sent);
  for (std::size_t r = 0; r < parts.size(); ++r) {
    if (parts[r].empty()) throw std::runtime_error("rank " + std::to_string(r) + " sent nothing");
    if (static_cast<Status>(parts[r][0]) == Status::kOk) continue;
    if (r == group.rank()) std::rethrow_exception(failure);  // its own, as it was thrown
    throw_described(parts[r], r);
  }
  for (auto& part : parts) part.erase(0, 1);
  return parts;
}

}  // namespace splitsim
