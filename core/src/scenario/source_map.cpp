#include "scenario/source_map.hpp"

#include <algorithm>

namespace splitsim {

FieldPath FieldPath::child(std::string name, int index) const {
  FieldPath path = *this;
  path.steps_.emplace_back(std::move(name), index);
  return path;
}

std::string FieldPath::to_string() const {
  std::string text;
  for (const auto& [name, index] : steps_) {
    if (!text.empty()) text += '.';
    text += name;
    if (index >= 0) text += "[" + std::to_string(index) + "]";
  }
  return text;
}

SourceMap::SourceMap(const google::protobuf::Descriptor* root,
                     std::unique_ptr<google::protobuf::TextFormat::ParseInfoTree> tree)
    : root_(root), tree_(std::move(tree)) {}

int SourceMap::line_of(const FieldPath& path) const {
  if (!tree_) return 0;
  const google::protobuf::TextFormat::ParseInfoTree* tree = tree_.get();
  const google::protobuf::Descriptor* descriptor = root_;
  int line = 0;
  for (const auto& [name, index] : path.steps()) {
    const auto* field = descriptor ? descriptor->FindFieldByName(name) : nullptr;
    if (!field || !tree) break;
    const auto location = tree->GetLocation(field, field->is_repeated() ? std::max(index, 0) : -1);
    if (location.line < 0) break;
    line = location.line + 1;
    if (field->type() != google::protobuf::FieldDescriptor::TYPE_MESSAGE) break;
    tree = tree->GetTreeForNested(field, field->is_repeated() ? std::max(index, 0) : -1);
    descriptor = field->message_type();
  }
  return line;
}

}  // namespace splitsim
