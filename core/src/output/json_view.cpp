#include "output/json_view.hpp"

#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/util/field_mask_util.h>

#include <sstream>
#include <string_view>

#include "base/json_text.hpp"

namespace splitsim {

void write_json(std::ostream& out, const v1::Results& results) {
  write_json(out, results, CandidateMessages(results.candidates(), {}));
}

void write_json(std::ostream& out, const v1::Results& results, const CandidateSource& candidates) {
  const std::size_t count = candidates.size();
  // Protobuf prints a message whole, into one string: for a large grid several times the results' own size.
  // So the message is printed without its candidates, and they are printed into its empty array one at a
  // time; the text is the same JSON. "candidates" is a field of Results alone, and a string value holding
  // those characters would have its quotes escaped, so the one unescaped `"candidates": []` is the field.
  v1::Results frame;
  google::protobuf::FieldMask all_but_candidates;  // every field, so one added later is printed too
  const auto* descriptor = v1::Results::descriptor();
  for (int f = 0; f < descriptor->field_count(); ++f) {
    if (descriptor->field(f)->number() != v1::Results::kCandidatesFieldNumber)
      all_but_candidates.add_paths(descriptor->field(f)->name());
  }
  google::protobuf::util::FieldMaskUtil::MergeMessageTo(results, all_but_candidates, {}, &frame);
  const std::string text = json_text(frame);
  constexpr std::string_view kEmpty = "\"candidates\": []";
  const auto at = text.find(kEmpty);
  if (at == std::string::npos || count == 0) {
    if (count == 0) {
      out << text;
      return;
    }
    v1::Results whole = frame;
    for (std::size_t i = 0; i < count; ++i) *whole.add_candidates() = candidates.at(i);
    out << json_text(whole);
    return;
  }
  const std::string_view view(text);
  out << view.substr(0, at) << "\"candidates\": [\n";
  for (std::size_t i = 0; i < count; ++i) {
    // Indented two levels, as the printer indents an array element of a top-level field.
    const std::string candidate = json_text(candidates.at(i));
    std::string_view rest(candidate);
    while (!rest.empty() && rest.back() == '\n') rest.remove_suffix(1);
    out << "  ";
    for (std::size_t start = 0; start < rest.size();) {
      const auto end = rest.find('\n', start);
      const auto line =
          rest.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      out << (start == 0 ? "" : "  ") << line;
      if (end == std::string_view::npos) break;
      out << "\n";
      start = end + 1;
    }
    out << (i + 1 < count ? ",\n" : "\n");
  }
  out << " ]" << view.substr(at + kEmpty.size());
}

std::string format_json(const v1::Results& results) {
  std::ostringstream out;
  write_json(out, results);
  return out.str();
}

}  // namespace splitsim
