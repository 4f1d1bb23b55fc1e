// The structure of a JSON scenario, checked before protobuf's JSON parser builds the message from it.
//
// Protobuf's parser accepts what a hand-written file gets wrong and says nothing: a key given twice (the last
// wins), a list inside a list or a lone object where a list belongs (it flattens or wraps them), null inside
// a list (dropped); and it reports other mistakes without a line. This check reads the file once with
// RapidJSON's SAX reader (iterative: no recursion however deep the nesting), against the message's
// descriptor, refuses those with their line and field path, and records every field's line so that later
// problems (validation's) name lines in JSON files too.
#pragma once

#include <google/protobuf/descriptor.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/errors.hpp"

namespace splitsim {

struct JsonStructure {
  // 1-based line of each field and list element, by path as FieldPath::to_string writes it.
  std::unordered_map<std::string, int> lines_by_path;
  // Syntax errors, duplicate keys, unknown fields, values of the wrong shape; empty when none.
  std::vector<InputProblem> problems;
};

// Reads `content` as JSON for a message of type `root`; `file` names it in the problems.
JsonStructure check_json_structure(std::string_view content, const google::protobuf::Descriptor& root,
                                   const std::string& file);

}  // namespace splitsim
