// Bad input through the real CLI: one message per problem with its JSON path, exit code 2,
// and nothing written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"

using namespace vimoe;
using test_support::runCli;

TEST(CliBadInput, ConfigProblemsAreListedWithPathsAndNothingIsWritten) {
  test_support::ScratchDir dir;
  std::ofstream(dir.path("bad.json")) << R"({"moe": {"num_expert": 4, "top_k": 0}, "optim": {"lr": -1}})";
  const auto dump = runCli({"config", "--dump", dir.path("bad.json")}, dir.path(""));
  EXPECT_EQ(dump.exitCode, 2);
  EXPECT_NE(dump.err.find("moe.num_expert: unknown key 'num_expert'; did you mean 'num_experts'?"), std::string::npos) << dump.err;
  EXPECT_NE(dump.err.find("moe.top_k: 0 is out of range"), std::string::npos) << dump.err;
  EXPECT_NE(dump.err.find("optim.lr: -1 is out of range (0, 10]"), std::string::npos) << dump.err;

  const auto train = runCli({"train", dir.path("bad.json"), "--store", dir.path("never.db")}, dir.path(""));
  EXPECT_EQ(train.exitCode, 2);
  EXPECT_FALSE(std::filesystem::exists(dir.path("never.db")));
}

TEST(CliBadInput, MalformedJsonNamesTheFileAndPosition) {
  test_support::ScratchDir dir;
  std::ofstream(dir.path("broken.json")) << "{\n  \"run\": {\"steps\": 10,}\n}";
  const auto r = runCli({"config", "--dump", dir.path("broken.json")}, dir.path(""));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("broken.json:2:"), std::string::npos) << r.err;
}

TEST(CliBadInput, SetOverridesAreCheckedLikeTheFile) {
  test_support::ScratchDir dir;
  std::ofstream(dir.path("ok.json")) << "{}";
  const auto good = runCli({"config", "--dump", dir.path("ok.json"), "--set", "moe.num_experts=8", "--set", "run.name=x"},
                           dir.path(""));
  ASSERT_EQ(good.exitCode, 0) << good.err;
  EXPECT_NE(good.out.find("\"num_experts\": 8"), std::string::npos);
  const auto bad = runCli({"config", "--dump", dir.path("ok.json"), "--set", "moe.top_k=9"}, dir.path(""));
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("moe.top_k"), std::string::npos) << bad.err;
}

TEST(CliBadInput, CorruptStoreIsReportedNotCrashedOnAndLeftUnchanged) {
  test_support::ScratchDir dir;
  const std::string garbage = "this is not a database, just text\n";
  std::ofstream(dir.path("store.db")) << garbage;
  const auto r = runCli({"runs", "list", "--store", dir.path("store.db")}, dir.path(""));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("store.db"), std::string::npos) << r.err;
  EXPECT_EQ(test_support::slurp(dir.path("store.db")), garbage);
}

TEST(CliBadInput, DataValidateReportsEveryBadRecordAndExitsOne) {
  test_support::ScratchDir dir;
  const std::string fixture = std::string(VIMOE_TEST_FIXTURES) + "/coco_bad";
  const auto r = runCli({"data", "validate", fixture + "/captions.json", "--images", fixture + "/images"}, dir.path(""));
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find("annotations[3]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("problems"), std::string::npos);
  const auto missing = runCli({"data", "validate", dir.path("nope.json")}, dir.path(""));
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("nope.json"), std::string::npos);
}
