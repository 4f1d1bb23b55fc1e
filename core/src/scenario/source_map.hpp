// Where each field of a parsed scenario stands in its file, so errors can name the line.
#pragma once

#include <google/protobuf/descriptor.h>
#include <google/protobuf/text_format.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace splitsim {

// A path to a field from the root message, e.g. channels[1].paid_share.min. Index -1 = not repeated.
class FieldPath {
 public:
  FieldPath() = default;
  FieldPath child(std::string name, int index = -1) const;
  std::string to_string() const;
  const std::vector<std::pair<std::string, int>>& steps() const { return steps_; }

 private:
  std::vector<std::pair<std::string, int>> steps_;
};

// Field locations of a text-format file; empty (no lines) for formats without them, such as JSON.
class SourceMap {
 public:
  SourceMap() = default;
  SourceMap(const google::protobuf::Descriptor* root,
            std::unique_ptr<google::protobuf::TextFormat::ParseInfoTree> tree);

  // 1-based line of the field, or of its nearest located ancestor; 0 when unknown.
  int line_of(const FieldPath& path) const;

 private:
  const google::protobuf::Descriptor* root_ = nullptr;
  std::shared_ptr<google::protobuf::TextFormat::ParseInfoTree> tree_;
};

}  // namespace splitsim
