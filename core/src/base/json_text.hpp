// One JSON form per message, for every JSON file and view splitsim writes.
#pragma once

#include <google/protobuf/message.h>

#include <string>

namespace splitsim {

// Indented, with the schema's field names and every field printed (zeros included), so columns never vanish.
std::string json_text(const google::protobuf::Message& message);

}  // namespace splitsim
