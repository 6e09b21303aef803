// The data verbs through the real CLI: validate's report and exit codes on planted defects,
// generate + stats + index + search on a small synthetic set.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"

using vimoe::test_support::runCli;

namespace {

const std::string kFixtures = VIMOE_TEST_FIXTURES;

TEST(CliData, ValidatePlantedDefectsListsEachWithCountsAndExitsOne) {
  vimoe::test_support::ScratchDir dir;
  const auto r = runCli({"data", "validate", kFixtures + "/planted_defects"}, dir.path());
  EXPECT_EQ(r.exitCode, 1) << r.err;
  for (const char* line :
       {"viocrvqa_planted.json: images[2].filename: image file not found",
        "viocrvqa_planted.json: images[3].filename: ", "truncated JPEG",
        "viocrvqa_planted.json: annotations[5].answers[0]: placeholder answer 'your answer'",
        "viocrvqa_planted.json: annotations[6].question: invalid UTF-8 at byte offset 13",
        "1 files (viocrvqa): 2 images, 0 captions, 3 questions loaded; 13 problems", "missing_image        1",
        "unreadable_image     3", "empty_text           1", "duplicate_id         2", "dangling_image_id    1",
        "escaping_path        2", "placeholder_answer   1", "invalid_utf8         1", "mixed_nfc_nfd        1"}) {
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
  }
}

TEST(CliData, ValidateCleanGoldenFoldersExitZero) {
  vimoe::test_support::ScratchDir dir;
  for (const char* folder : {"uitviic", "ktvic", "vivqa", "openvivqa", "evjvqa", "vitextvqa", "viocrvqa"}) {
    const auto r = runCli({"data", "validate", kFixtures + "/" + folder}, dir.path());
    EXPECT_EQ(r.exitCode, 0) << folder << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find("; 0 problems"), std::string::npos) << folder << "\n" << r.out;
  }
}

TEST(CliData, ValidateNothingReadableExitsTwo) {
  vimoe::test_support::ScratchDir dir;
  dir.write("broken.json", "{\"images\": [");
  EXPECT_EQ(runCli({"data", "validate", dir.path("broken.json")}, dir.path()).exitCode, 2);
  EXPECT_EQ(runCli({"data", "validate", dir.path("absent")}, dir.path()).exitCode, 2);
  EXPECT_EQ(runCli({"data", "validate", kFixtures + "/uitviic", "--format", "nope"}, dir.path()).exitCode, 2);
}

TEST(CliData, GenerateStatsIndexAndSearch) {
  vimoe::test_support::ScratchDir dir;
  const auto gen = runCli({"data", "generate", "--out", dir.path("syn"), "--train", "40", "--val", "8", "--size", "32",
                           "--captions", "2", "--questions", "2", "--domains", "all"},
                          dir.path());
  ASSERT_EQ(gen.exitCode, 0) << gen.err;
  EXPECT_TRUE(std::filesystem::exists(dir.path("syn/vqa_train.json")));

  const auto valid = runCli({"data", "validate", dir.path("syn")}, dir.path());
  EXPECT_EQ(valid.exitCode, 0) << valid.out;

  const auto stats = runCli({"data", "stats", dir.path("syn/vqa_train.json")}, dir.path());
  ASSERT_EQ(stats.exitCode, 0) << stats.err;
  EXPECT_NE(stats.out.find("40 images, 0 captions, 80 questions"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("text_signs: 10"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("yes_no:"), std::string::npos) << stats.out;

  const auto tok =
      runCli({"data", "tokenizer", dir.path("syn"), "--out", dir.path("tok/spm.model"), "--vocab", "200"}, dir.path());
  ASSERT_EQ(tok.exitCode, 0) << tok.err;
  EXPECT_TRUE(std::filesystem::exists(dir.path("tok/spm.model")));
  EXPECT_NE(tok.out.find("unknown rate 0.0000%"), std::string::npos) << tok.out;
  const auto statsTok =
      runCli({"data", "stats", dir.path("syn"), "--tokenizer", dir.path("tok/spm.model")}, dir.path());
  EXPECT_NE(statsTok.out.find("pieces per syllable"), std::string::npos) << statsTok.out;
  // CLIP's byte-level BPE layout: nothing is unknown, and the learnt merges make a syllable
  // about one piece (bytes alone would take 3-5).
  const auto bpe = runCli({"data", "tokenizer", dir.path("syn"), "--type", "clip-bpe", "--out", dir.path("bpe/vocab.json"),
                           "--vocab", "700"},
                          dir.path());
  ASSERT_EQ(bpe.exitCode, 0) << bpe.err;
  EXPECT_TRUE(std::filesystem::exists(dir.path("bpe/merges.txt")));
  EXPECT_NE(bpe.out.find("vocabulary 700, unknown rate 0.0000%"), std::string::npos) << bpe.out;
  const auto bpeStats = runCli({"data", "stats", dir.path("syn"), "--tokenizer", dir.path("bpe/vocab.json")}, dir.path());
  ASSERT_EQ(bpeStats.exitCode, 0) << bpeStats.err;
  const auto at = bpeStats.out.find("unknown rate 0.0000%, ");
  ASSERT_NE(at, std::string::npos) << bpeStats.out;
  EXPECT_LT(std::stod(bpeStats.out.substr(at + 23)), 1.5) << bpeStats.out;
  const auto misplaced = runCli({"data", "tokenizer", dir.path("syn"), "--type", "clip-bpe", "--out", dir.path("bpe.model")}, dir.path());
  EXPECT_EQ(misplaced.exitCode, 2);
  EXPECT_NE(misplaced.err.find("give --out DIR/vocab.json"), std::string::npos) << misplaced.err;

  const auto index =
      runCli({"data", "index", dir.path("syn/captions_train.json"), "--db", dir.path("store.db")}, dir.path());
  ASSERT_EQ(index.exitCode, 0) << index.err;
  const auto plain = runCli({"data", "search", "mau do", "--db", dir.path("store.db")}, dir.path());
  const auto marked = runCli({"data", "search", "màu đỏ", "--db", dir.path("store.db")}, dir.path());
  ASSERT_EQ(plain.exitCode, 0) << plain.err;
  EXPECT_EQ(plain.out, marked.out);
  EXPECT_NE(plain.out.find("màu đỏ"), std::string::npos) << plain.out;
}

}  // namespace
