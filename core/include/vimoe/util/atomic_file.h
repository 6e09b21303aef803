// Atomic file writes: write a temporary file beside the target, fsync it, rename it over the
// target and fsync the directory. A crash leaves either the old file or the new one, never a
// half-written file.
#pragma once

#include <string>
#include <string_view>

#include "vimoe/util/expected.h"

namespace vimoe {

Status writeFileAtomically(const std::string& path, std::string_view contents);
Expected<std::string> readWholeFile(const std::string& path);

}  // namespace vimoe
