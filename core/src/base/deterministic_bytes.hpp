// One byte form per message: what files hold and what comparisons between runs compare.
#pragma once

#include <google/protobuf/message.h>

#include <string>

namespace splitsim {

// The message serialised deterministically (map entries in key order), so equal messages give equal bytes.
std::string deterministic_bytes(const google::protobuf::Message& message);

}  // namespace splitsim
