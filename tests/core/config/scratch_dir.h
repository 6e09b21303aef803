// The config tests' name for the shared scratch folder.
#pragma once

#include "support/scratch_dir.h"

namespace vimoe::config::testing {
using ScratchDir = test_support::ScratchDir;
}  // namespace vimoe::config::testing
