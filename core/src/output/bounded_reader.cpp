#include "output/bounded_reader.hpp"

#include <fcntl.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/stubs/logging.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "base/errors.hpp"

namespace splitsim {
namespace {

namespace pb = google::protobuf;

// What the parser allocates besides a message's own object: the heap block's header and its slot in the
// repeated field that holds it; and for a string, the std::string object with its heap header.
constexpr long long kMessageOverhead = 32;
constexpr long long kStringOverhead = 48;
// A field the type does not know is kept, in an UnknownFieldSet entry.
constexpr long long kUnknownFieldOverhead = 32;
// Protobuf's own default limit on nesting.
constexpr int kMaxDepth = 100;

std::string mebibytes(double bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f MiB", bytes / (1 << 20));
  return text;
}

// A walk over the wire format that allocates nothing: what parsing would allocate, and how many entries each
// limited repeated field gets in each message.
class WireWalk {
 public:
  WireWalk(std::string_view bytes, const std::vector<RepeatedLimit>& limits)
      : in_(reinterpret_cast<const std::uint8_t*>(bytes.data()), static_cast<int>(bytes.size())),
        limits_(limits) {}

  // Adds to `memory` what parsing the rest of the input (up to the current limit) as `type` allocates.
  // False when the input is not well-formed, or (with `over_limit` set) breaks a repeated field's limit.
  bool walk(const pb::Descriptor* type, int depth) {
    if (depth > kMaxDepth) return false;
    std::vector<std::size_t> counts(limits_.size(), 0);
    for (;;) {
      const std::uint32_t tag = in_.ReadTag();
      if (tag == 0) return in_.BytesUntilLimit() == 0;  // the end of this message, or a bad tag
      const pb::FieldDescriptor* field = type ? type->FindFieldByNumber(static_cast<int>(tag >> 3)) : nullptr;
      // Known singular scalars live inside their message's object; repeated ones take 8 bytes each at most.
      const long long scalar = !field ? kUnknownFieldOverhead : field->is_repeated() ? 8 : 0;
      switch (tag & 7) {
        case 0: {  // varint
          std::uint64_t value;
          if (!in_.ReadVarint64(&value)) return false;
          memory += scalar;
          break;
        }
        case 1: {  // 64-bit
          std::uint64_t value;
          if (!in_.ReadLittleEndian64(&value)) return false;
          memory += scalar;
          break;
        }
        case 5: {  // 32-bit
          std::uint32_t value;
          if (!in_.ReadLittleEndian32(&value)) return false;
          memory += scalar;
          break;
        }
        case 2: {  // length-delimited: a message, a string, packed numbers or an unknown field
          std::uint32_t length;
          if (!in_.ReadVarint32(&length) || length > static_cast<std::uint32_t>(in_.BytesUntilLimit()))
            return false;
          if (field && field->type() == pb::FieldDescriptor::TYPE_MESSAGE) {
            if (!count(field, counts)) return false;
            memory += object_size(field->message_type()) + kMessageOverhead;
            const auto limit = in_.PushLimit(static_cast<int>(length));
            if (!walk(field->message_type(), depth + 1)) return false;
            in_.PopLimit(limit);
          } else {
            if (!field)
              memory += kUnknownFieldOverhead + length;
            else if (field->is_packable())
              memory += 8LL * length;  // every element takes at least a byte, at most 8 in memory
            else
              memory += kStringOverhead + length;
            if (!in_.Skip(static_cast<int>(length))) return false;
          }
          break;
        }
        default:
          return false;  // groups (3, 4) have no place in proto3 files; 6 and 7 are not wire types
      }
    }
  }

  long long memory = 0;
  const RepeatedLimit* over_limit = nullptr;

 private:
  bool count(const pb::FieldDescriptor* field, std::vector<std::size_t>& counts) {
    for (std::size_t i = 0; i < limits_.size(); ++i) {
      if (limits_[i].field != field) continue;
      if (++counts[i] > limits_[i].max) {
        over_limit = &limits_[i];
        return false;
      }
    }
    return true;
  }

  long long object_size(const pb::Descriptor* type) {
    auto [at, inserted] = sizes_.try_emplace(type, 0);
    if (inserted) {
      const pb::Message* prototype = pb::MessageFactory::generated_factory()->GetPrototype(type);
      at->second = prototype ? static_cast<long long>(prototype->SpaceUsedLong()) : 256;
    }
    return at->second;
  }

  pb::io::CodedInputStream in_;
  const std::vector<RepeatedLimit>& limits_;
  std::unordered_map<const pb::Descriptor*, long long> sizes_;
};

}  // namespace

std::string read_bounded_file(const std::filesystem::path& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw InputError(path.string(), std::string("cannot open the file: ") + std::strerror(errno));
  struct stat info {};
  const bool stated = ::fstat(fd, &info) == 0;
  auto refuse = [&](const std::string& why) {
    ::close(fd);
    throw InputError(path.string(), why);
  };
  if (!stated) refuse(std::string("cannot read the file: ") + std::strerror(errno));
  if (S_ISDIR(info.st_mode)) refuse("is a folder, not a file");
  if (!S_ISREG(info.st_mode)) refuse("is not a regular file (a FIFO, socket or device): give a file");
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    refuse("the file has " + std::to_string(info.st_size) + " bytes, more than the " + mebibytes(max_bytes) +
           " a file of this kind can have: it was not written by splitsim");
  }
  std::string content(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t got = 0;
  while (got < content.size()) {
    const ssize_t n = ::read(fd, content.data() + got, content.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) refuse(std::string("cannot read the file: ") + std::strerror(errno));
    if (n == 0) break;  // shrank while being read: parse what is there, which the checks will judge
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  content.resize(got);
  return content;
}

long long parsed_memory_estimate(std::string_view bytes, const pb::Descriptor& type) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return -1;
  const std::vector<RepeatedLimit> none;
  WireWalk walk(bytes, none);
  return walk.walk(&type, 0) ? walk.memory : -1;
}

bool parse_bounded(std::string_view bytes, pb::Message& message, const std::string& file,
                   const ReadBounds& bounds) {
  if (bytes.size() > bounds.max_bytes || bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw InputError(file, "the file has " + std::to_string(bytes.size()) + " bytes, more than the " +
                               mebibytes(static_cast<double>(bounds.max_bytes)) +
                               " a file of this kind can have: it was not written by splitsim");
  }
  WireWalk walk(bytes, bounds.repeated);
  if (!walk.walk(message.GetDescriptor(), 0)) {
    if (!walk.over_limit) return false;
    const auto* field = walk.over_limit->field;
    throw InputError({{file, 0, field->containing_type()->name() + "." + field->name(),
                       "more than " + std::to_string(walk.over_limit->max) +
                           " entries in one message, more than splitsim writes"}});
  }
  const double allowed = static_cast<double>(bounds.memory_per_byte) * static_cast<double>(bytes.size()) +
                         static_cast<double>(bounds.memory_slack);
  if (static_cast<double>(walk.memory) > allowed) {
    throw InputError(file, "reading it would take about " + mebibytes(static_cast<double>(walk.memory)) +
                               " of memory for " + std::to_string(bytes.size()) + " bytes of file (at most " +
                               mebibytes(allowed) +
                               " allowed): it holds far more, far smaller entries than splitsim writes");
  }
  // A damaged file is reported once, by the caller, not also by protobuf's log (e.g. "invalid UTF-8").
  const pb::LogSilencer quiet;
  return message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
}

}  // namespace splitsim
