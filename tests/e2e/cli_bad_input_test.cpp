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

// Issue 21: a number too large for a double made nlohmann throw out_of_range, which reached
// main() as "internal error: [json.exception.out_of_range.406] ...".
TEST(CliBadInput, DataValidateReportsANumberTooLargeAsAProblemOfItsRecord) {
  test_support::ScratchDir dir;
  std::ofstream(dir.path("captions.json")) << "{\"images\": [\n  {\"id\": 11E155550000, \"file_name\": \"a.jpg\"},\n"
                                              "  {\"id\": 2, \"file_name\": \"b.jpg\"}],\n"
                                              " \"annotations\": [{\"image_id\": 2, \"caption\": \"con mèo\"}]}";
  std::ofstream(dir.path("b.jpg")) << "";  // exists; --no-decode leaves its contents alone
  const auto r = runCli({"data", "validate", dir.path("captions.json"), "--images", dir.path(""), "--no-decode"},
                        dir.path(""));
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("captions.json: images[0].id: 'id' at 2:10 is 11E155550000, a number too large for a double"),
            std::string::npos)
      << r.out << r.err;
  EXPECT_NE(r.out.find("1 images, 1 captions, 0 questions loaded; 1 problems"), std::string::npos) << r.out;
  for (const std::string& text : {r.out, r.err}) {
    EXPECT_EQ(text.find("internal error"), std::string::npos) << text;
    EXPECT_EQ(text.find("json.exception"), std::string::npos) << text;
  }
}

TEST(CliBadInput, ConfigDumpReportsANumberTooLargeWithItsPosition) {
  test_support::ScratchDir dir;
  std::ofstream(dir.path("huge.json")) << "{\"run\": {\"steps\": 1e99999}}";
  const auto r = runCli({"config", "--dump", dir.path("huge.json")}, dir.path(""));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("huge.json:1:19: invalid JSON: the number 1e99999 is too large for a double"), std::string::npos)
      << r.err;
  for (const std::string& text : {r.out, r.err}) {
    EXPECT_EQ(text.find("internal error"), std::string::npos) << text;
    EXPECT_EQ(text.find("json.exception"), std::string::npos) << text;
  }
}
