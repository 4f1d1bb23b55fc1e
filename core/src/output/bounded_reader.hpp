// Reading protobuf files that come from outside (results, manifests): bounded in the bytes read and in the
// memory the parsed message takes, so a small crafted file cannot make the reader allocate gigabytes.
#pragma once

#include <google/protobuf/message.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace splitsim {

// The most entries a repeated message field may hold in one message.
struct RepeatedLimit {
  const google::protobuf::FieldDescriptor* field = nullptr;
  std::size_t max = 0;
};

struct ReadBounds {
  std::size_t max_bytes = 0;  // the file's size
  // The parsed message may take at most `memory_per_byte` times the file's size plus `memory_slack` bytes:
  // a message costs about 100-200 bytes in memory however small it is on disk (an empty one is 2 bytes).
  std::size_t memory_per_byte = 0;
  std::size_t memory_slack = 0;
  std::vector<RepeatedLimit> repeated;  // counted before parsing, so a reader never allocates past them
};

// The content of a regular file of at most `max_bytes`; throws InputError naming it otherwise (missing,
// unreadable, a folder, a FIFO or a device, which would block or never end, or too large), before reading.
std::string read_bounded_file(const std::filesystem::path& path, std::size_t max_bytes);

// About how many bytes parsing `bytes` as `type` would allocate, from a walk over the wire format that
// allocates nothing; -1 when the bytes are not well-formed wire format (too deep, truncated, bad tags).
long long parsed_memory_estimate(std::string_view bytes, const google::protobuf::Descriptor& type);

// Parses `bytes` into `message` after a walk over the wire format has checked them against `bounds`.
// Returns false when they are not a well-formed message of that type; throws InputError naming `file` when
// they exceed the bounds.
bool parse_bounded(std::string_view bytes, google::protobuf::Message& message, const std::string& file,
                   const ReadBounds& bounds);

}  // namespace splitsim
