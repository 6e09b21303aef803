// `vimoe --version`: the facts recorded with every run, the heap allocator among them (the
// binary links jemalloc when the build found it; a streamed run's RSS depends on it).
#include <gtest/gtest.h>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"

using namespace vimoe;
using test_support::runCli;

TEST(CliVersion, NamesLibrariesThreadsAndTheAllocatorTheBuildLinked) {
  test_support::ScratchDir dir;
  const auto version = runCli({"--threads", "1", "--version"}, dir.path());
  ASSERT_EQ(version.exitCode, 0) << version.err;
  EXPECT_EQ(version.out.rfind("vimoe 0.1.0 (", 0), 0u) << version.out;
  EXPECT_NE(version.out.find("torch "), std::string::npos) << version.out;
  EXPECT_NE(version.out.find("opencv "), std::string::npos) << version.out;
  EXPECT_NE(version.out.find(std::string("malloc ") + VIMOE_CLI_MALLOC + ")"), std::string::npos) << version.out;
}
