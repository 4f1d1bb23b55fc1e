// Where each field of a parsed scenario stands in its file, so errors can name the line.
#pragma once

#include <google/protobuf/descriptor.h>
#include <google/protobuf/text_format.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace splitsim {

// A path to a field from the root message, e.g. channels[1].paid_share.min. Index -1 = not repeated.
class FieldPath {
 public:
  FieldPath() = default;
  FieldPath child(std::string name, int index = -1) const;
  std::string to_string() const;
  // The path `to_string` wrote, e.g. "channels[1].paid_share.min"; steps that do not read as one are left
  // out.
  static FieldPath parse(std::string_view text);
  const std::vector<std::pair<std::string, int>>& steps() const { return steps_; }

 private:
  std::vector<std::pair<std::string, int>> steps_;
};

// Field locations of a scenario file: from protobuf's parse tree for text format, from the lines the JSON
// structure check recorded for JSON; empty (no lines) when neither is known.
class SourceMap {
 public:
  SourceMap() = default;
  SourceMap(const google::protobuf::Descriptor* root,
            std::unique_ptr<google::protobuf::TextFormat::ParseInfoTree> tree);
  // Lines by field path as FieldPath::to_string writes it ("channels[1].name", and "channels" for the list).
  explicit SourceMap(std::unordered_map<std::string, int> lines_by_path);

  // 1-based line of the field, or of its nearest located ancestor; 0 when unknown.
  int line_of(const FieldPath& path) const;

 private:
  const google::protobuf::Descriptor* root_ = nullptr;
  std::shared_ptr<google::protobuf::TextFormat::ParseInfoTree> tree_;
  std::shared_ptr<const std::unordered_map<std::string, int>> lines_by_path_;
};

}  // namespace splitsim
