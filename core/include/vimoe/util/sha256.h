// SHA-256 (FIPS 180-4) of bytes or of a file, as lowercase hex. Recorded with checkpoints in
// the store's artifact table so a result can be traced to the exact weights that produced it.
#pragma once

#include <string>
#include <string_view>

#include "vimoe/util/expected.h"

namespace vimoe {

std::string sha256Hex(std::string_view bytes);
Expected<std::string> sha256File(const std::string& path);

}  // namespace vimoe
