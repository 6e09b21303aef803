// The util tests' name for the shared scratch folder.
#pragma once

#include "support/scratch_dir.h"

namespace vimoe::test {
using TempDir = test_support::ScratchDir;
}  // namespace vimoe::test
