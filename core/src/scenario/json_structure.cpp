#include "scenario/json_structure.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cstddef>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/did_you_mean.hpp"

namespace splitsim {
namespace {

namespace pb = google::protobuf;

// A generated file can repeat one mistake thousands of times: the first ones say what to fix.
constexpr std::size_t kMaxProblems = 50;

// RapidJSON's input stream over the content, counting lines as it goes: the reader's events then know their
// line without a second pass. RapidJSON reads '\0' as the end, as it does for its own string streams.
class LineCountingStream {
 public:
  using Ch = char;
  explicit LineCountingStream(std::string_view text) : text_(text) {}
  Ch Peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  Ch Take() {
    if (at_ >= text_.size()) return '\0';
    const char c = text_[at_++];
    if (c == '\n') ++line_;
    return c;
  }
  std::size_t Tell() const { return at_; }
  int line() const { return line_; }
  // Only RapidJSON's in-place parsing writes to its input; this reader never does.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  int line_ = 1;
};

enum class Shape { kObject, kList, kValue, kNull };

const char* shape_name(Shape shape) {
  switch (shape) {
    case Shape::kObject:
      return "an object { ... }";
    case Shape::kList:
      return "a list [ ... ]";
    case Shape::kValue:
      return "a single value";
    case Shape::kNull:
      return "null";
  }
  return "";
}

std::string join(const std::string& path, const std::string& name) {
  return path.empty() ? name : path + "." + name;
}

// Well-known types (wrappers, Struct, Duration...) have JSON forms of their own: protobuf's parser judges
// them.
bool has_own_json_form(const pb::FieldDescriptor& field) {
  return field.is_map() ||
         (field.message_type() && field.message_type()->file()->package() == "google.protobuf");
}

// Follows the reader's events against the descriptors, one frame per open object or list.
class StructureHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, StructureHandler> {
 public:
  StructureHandler(const LineCountingStream& stream, const pb::Descriptor& root, const std::string& file,
                   JsonStructure& out)
      : stream_(stream), root_(root), file_(file), out_(out) {}

  bool Null() { return value(Shape::kNull); }
  bool Bool(bool) { return value(Shape::kValue); }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return value(Shape::kValue); }
  bool String(const char*, rapidjson::SizeType, bool) { return value(Shape::kValue); }
  bool StartObject() { return open(Shape::kObject); }
  bool StartArray() { return open(Shape::kList); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }
  bool Key(const char* text, rapidjson::SizeType length, bool) { return key(std::string(text, length)); }

  bool stopped_early() const { return out_.problems.size() >= kMaxProblems; }

 private:
  struct Frame {
    bool is_object = true;
    const pb::Descriptor* message = nullptr;      // object: its type
    const pb::FieldDescriptor* list = nullptr;    // list: the repeated field it holds
    std::string path;                             // the object's or the list's own path
    int next_index = 0;                           // list: the next element's index
    const pb::FieldDescriptor* member = nullptr;  // object: the field whose value comes next (null: skip it)
    std::string member_path;
    std::unordered_map<int, int> lines_by_number;                       // fields given, and where
    std::unordered_map<int, const pb::FieldDescriptor*> oneof_members;  // oneofs set, by index
  };

  // Where the next value goes.
  enum class Slot { kRoot, kMember, kElement, kIgnored };
  struct Target {
    Slot slot;
    const pb::FieldDescriptor* field = nullptr;
    std::string path;
  };

  Target target() const {
    if (stack_.empty()) return {Slot::kRoot, nullptr, ""};
    const Frame& top = stack_.back();
    if (top.is_object) {
      return top.member ? Target{Slot::kMember, top.member, top.member_path}
                        : Target{Slot::kIgnored, nullptr, ""};
    }
    return {Slot::kElement, top.list, top.path + "[" + std::to_string(top.next_index) + "]"};
  }

  bool add(const std::string& path, std::string message) {
    out_.problems.push_back({file_, stream_.line(), path, std::move(message)});
    return !stopped_early();
  }

  // Whether a value of `shape` fits where it goes; reports it when it does not.
  bool fits(const Target& to, Shape shape, bool& keep_going) {
    keep_going = true;
    auto refuse = [&](std::string message) {
      keep_going = add(to.path, std::move(message));
      return false;
    };
    const std::string got = std::string(" (got ") + shape_name(shape) + ")";
    switch (to.slot) {
      case Slot::kIgnored:
        return true;
      case Slot::kRoot:
        return shape == Shape::kObject ||
               refuse(std::string("a scenario is a JSON object { \"budget\": ..., \"channels\": [ ... ] }") +
                      got);
      case Slot::kMember: {
        const auto& field = *to.field;
        if (shape == Shape::kNull || has_own_json_form(field)) return true;  // null: the field is not set
        if (field.is_repeated()) return shape == Shape::kList || refuse("must be a list [ ... ]" + got);
        if (field.message_type()) return shape == Shape::kObject || refuse("must be an object { ... }" + got);
        return shape == Shape::kValue || refuse("must be a single value" + got);
      }
      case Slot::kElement: {
        const auto& field = *to.field;
        if (shape == Shape::kNull) return refuse("null in a list: remove it, or give a value");
        if (shape == Shape::kList) {
          return refuse(std::string("a list inside a list: give the elements directly, e.g. [ ") +
                        (field.message_type() ? "{ ... }, { ... }" : "1, 2") + " ]");
        }
        if (has_own_json_form(field)) return true;
        if (field.message_type()) return shape == Shape::kObject || refuse("must be an object { ... }" + got);
        return shape == Shape::kValue || refuse("must be a single value" + got);
      }
    }
    return true;
  }

  // A value that opens nothing: record an element's line, check its shape, and move on.
  bool value(Shape shape) {
    if (skip_depth_ > 0) return true;
    const Target to = target();
    if (to.slot == Slot::kElement) out_.lines_by_path.emplace(to.path, stream_.line());
    bool keep_going = true;
    fits(to, shape, keep_going);
    value_done();
    return keep_going;
  }

  bool open(Shape shape) {
    if (skip_depth_ > 0) {
      ++skip_depth_;
      return true;
    }
    const Target to = target();
    if (to.slot == Slot::kElement) out_.lines_by_path.emplace(to.path, stream_.line());
    bool keep_going = true;
    const bool known = to.slot != Slot::kIgnored && (to.slot == Slot::kRoot || !has_own_json_form(*to.field));
    if (!fits(to, shape, keep_going) || !known) {
      skip_depth_ = 1;  // what is inside a value of the wrong shape, or of an unknown field, is not checked
      return keep_going;
    }
    Frame frame;
    frame.is_object = shape == Shape::kObject;
    frame.path = to.path;
    if (frame.is_object) {
      frame.message = to.slot == Slot::kRoot ? &root_ : to.field->message_type();
    } else {
      frame.list = to.field;
    }
    stack_.push_back(std::move(frame));
    return true;
  }

  bool close() {
    if (skip_depth_ > 0) {
      if (--skip_depth_ == 0) value_done();
      return true;
    }
    stack_.pop_back();
    value_done();
    return true;
  }

  void value_done() {
    if (stack_.empty()) return;
    Frame& top = stack_.back();
    if (top.is_object) {
      top.member = nullptr;
    } else {
      ++top.next_index;
    }
  }

  bool key(const std::string& name) {
    if (skip_depth_ > 0) return true;
    Frame& top = stack_.back();
    top.member = nullptr;
    // Protobuf's parser accepts a field's name as written in the .proto and its lowerCamelCase JSON name.
    const pb::FieldDescriptor* field = top.message->FindFieldByName(name);
    for (int i = 0; !field && i < top.message->field_count(); ++i) {
      if (top.message->field(i)->json_name() == name) field = top.message->field(i);
    }
    if (!field) {
      std::string known;
      std::vector<std::string> fields;
      for (int i = 0; i < top.message->field_count(); ++i) {
        known += (known.empty() ? "" : ", ") + top.message->field(i)->name();
        fields.push_back(top.message->field(i)->name());
      }
      return add(top.path, "unknown field \"" + name + "\"" + did_you_mean(name, fields, "`") +
                               "; the fields here are: " + known);
    }
    const std::string path = join(top.path, field->name());
    const int line = stream_.line();
    if (const auto [first, inserted] = top.lines_by_number.emplace(field->number(), line); !inserted) {
      return add(path, "is given twice (first on line " + std::to_string(first->second) +
                           "): a JSON reader would silently keep only one of them");
    }
    if (const auto* oneof = field->real_containing_oneof()) {
      if (const auto [other, inserted] = top.oneof_members.emplace(oneof->index(), field); !inserted) {
        return add(path, "cannot be given with \"" + other->second->name() + "\": they are alternatives (" +
                             oneof->name() + "), give one");
      }
    }
    out_.lines_by_path.emplace(path, line);
    top.member = field;
    top.member_path = path;
    return true;
  }

  const LineCountingStream& stream_;
  const pb::Descriptor& root_;
  const std::string& file_;
  JsonStructure& out_;
  std::vector<Frame> stack_;
  int skip_depth_ = 0;  // > 0: inside a value not checked, this many objects and lists deep
};

// 1-based line and column of a byte offset.
std::pair<int, std::size_t> position_of(std::string_view content, std::size_t offset) {
  offset = std::min(offset, content.size());
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (content[i] == '\n') ++line, line_start = i + 1;
  }
  return {line, offset - line_start + 1};
}

}  // namespace

JsonStructure check_json_structure(std::string_view content, const pb::Descriptor& root,
                                   const std::string& file) {
  JsonStructure out;
  LineCountingStream stream(content);
  StructureHandler handler(stream, root, file, out);
  rapidjson::Reader reader;
  // Numbers as text: their values are protobuf's parser's to judge (it reads "1e999", "NaN" in quotes...).
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
  // RapidJSON reads a NUL byte as the end of the input: one before the end is an error of its own.
  const std::size_t stop = result.IsError() ? result.Offset() : stream.Tell();
  const bool nul = stop < content.size() && content[stop] == '\0';
  if (handler.stopped_early()) {
    out.problems.push_back({file, 0, "", "... and possibly more problems: fix these first"});
  } else if (nul || (result.IsError() && result.Code() != rapidjson::kParseErrorTermination)) {
    const auto [line, column] = position_of(content, stop);
    out.problems.push_back({file, line, "",
                            std::string("invalid JSON: ") +
                                (nul ? "a NUL byte." : rapidjson::GetParseError_En(result.Code())) +
                                " (column " + std::to_string(column) + ")"});
  }
  return out;
}

}  // namespace splitsim
