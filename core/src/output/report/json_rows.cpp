#include "output/report/json_rows.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

namespace splitsim {

JsonRows& JsonRows::row() {
  rows_.emplace_back();
  return *this;
}

JsonRows& JsonRows::field(std::string_view name, double value) {
  if (rows_.empty()) row();
  rows_.back().emplace_back(std::string(name), value);
  return *this;
}

JsonRows& JsonRows::field(std::string_view name, std::string_view value) {
  if (rows_.empty()) row();
  rows_.back().emplace_back(std::string(name), std::string(value));
  return *this;
}

std::string JsonRows::json() const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const auto& fields : rows_) {
    writer.StartObject();
    for (const auto& [name, value] : fields) {
      writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
      if (const auto* number = std::get_if<double>(&value)) {
        if (std::isfinite(*number)) {
          writer.Double(*number);
        } else {
          writer.Null();
        }
      } else {
        const auto& text = std::get<std::string>(value);
        writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
      }
    }
    writer.EndObject();
  }
  writer.EndArray();
  return buffer.GetString();
}

std::string json_number(double value) {
  if (!std::isfinite(value)) return "null";
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.Double(value);
  return buffer.GetString();
}

std::string json_string(std::string_view text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return buffer.GetString();
}

std::string fill_spec(std::string spec,
                      std::initializer_list<std::pair<std::string_view, std::string>> values) {
  for (const auto& [placeholder, json] : values) {
    for (auto at = spec.find(placeholder); at != std::string::npos;
         at = spec.find(placeholder, at + json.size())) {
      spec.replace(at, placeholder.size(), json);
    }
  }
  return spec;
}

std::string script_safe(std::string json) {
  std::string safe;
  safe.reserve(json.size());
  for (const char c : json) {
    if (c == '<') {
      safe += "\\u003c";
    } else {
      safe += c;
    }
  }
  return safe;
}

}  // namespace splitsim
