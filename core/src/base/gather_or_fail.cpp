#include "base/gather_or_fail.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "base/errors.hpp"

namespace splitsim {
namespace {

// Whether a process has its bytes; then, from those that failed, what failed.
enum class Status : char { kOk = 0, kFailed = 1 };
enum class Failure : char { kPluginError = 1, kCancelled = 2, kOtherError = 3 };

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
    bytes.push_back(static_cast<char>(Failure::kPluginError));
    put_text(bytes, e.plugin());
    // what() is "plugin 'NAME': MESSAGE": the message alone, which the constructor prefixes again.
    std::string message = e.what();
    const std::string prefix = "plugin '" + e.plugin() + "': ";
    if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
    put_text(bytes, message);
  } catch (const Cancelled&) {
    bytes.push_back(static_cast<char>(Failure::kCancelled));
  } catch (const std::exception& e) {
    bytes.push_back(static_cast<char>(Failure::kOtherError));
    put_text(bytes, e.what());
  } catch (...) {
    bytes.push_back(static_cast<char>(Failure::kOtherError));
    put_text(bytes, "a non-standard exception");
  }
  return bytes;
}

[[noreturn]] void throw_described(const std::string& bytes, std::size_t rank) {
  if (bytes.empty()) throw std::runtime_error("rank " + std::to_string(rank) + " failed and said nothing");
  std::size_t at = 1;
  switch (static_cast<Failure>(bytes[0])) {
    case Failure::kPluginError: {
      std::string plugin = take_text(bytes, at);
      throw PluginError(std::move(plugin), take_text(bytes, at));
    }
    case Failure::kCancelled:
      throw Cancelled();
    default:
      throw std::runtime_error("rank " + std::to_string(rank) + ": " + take_text(bytes, at));
  }
}

}  // namespace

void gather_or_fail(const ProcessGroup& group, std::string_view mine, std::exception_ptr failure,
                    Gathered& into) {
  const char status = static_cast<char>(failure ? Status::kFailed : Status::kOk);
  const auto statuses = group.all_gather(std::string_view(&status, 1));
  for (std::size_t r = 0; r < statuses.size(); ++r) {
    if (statuses[r] == std::string(1, static_cast<char>(Status::kOk))) continue;
    const auto descriptions = group.all_gather(failure ? describe(failure) : std::string());
    if (r == group.rank()) std::rethrow_exception(failure);  // its own, as it was thrown
    throw_described(descriptions[r], r);
  }
  group.all_gather(mine, into);
}

}  // namespace splitsim
