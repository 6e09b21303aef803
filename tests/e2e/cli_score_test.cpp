// `vimoe score` through the real binary on files written here. The values are the hand-worked
// ones of tests/core/metrics (cider_d_test.cpp shows the CIDEr-D working).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"

using namespace vimoe;
using test_support::runCli;

TEST(CliScore, CaptionJsonGivesCorpusScores) {
  test_support::ScratchDir dir;
  // Number ids in the predictions, string ids in the references: the same ids.
  const std::string pred =
      dir.write("pred.json", R"([{"id": 1, "text": "Con mèo đen."}, {"id": 2, "text": "con chó trắng"}])");
  const std::string ref =
      dir.write("ref.json",
                R"([{"id": "1", "texts": ["con mèo đen"]}, {"id": "2", "texts": ["con chó vàng"], "image": "2.png"}])");
  const auto r = runCli({"score", "caption", "--pred", pred, "--ref", ref, "--json", "--per-sample"}, dir.path());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  // c = r = 6, BP 1; p1 = (3 + 2)/6, p2 = (2 + 1)/4, p3 = (1 + 0)/2, no 4-gram matches.
  EXPECT_EQ(j["tokenization"], "syllables");
  EXPECT_EQ(j["samples"], 2);
  EXPECT_NEAR(j["bleu_1"].get<double>(), 5.0 / 6.0, 1e-9);
  EXPECT_NEAR(j["bleu_2"].get<double>(), 0.790569415, 1e-6);  // sqrt(5/6 * 3/4)
  EXPECT_NEAR(j["bleu_3"].get<double>(), 0.678604404, 1e-6);  // (5/6 * 3/4 * 1/2)^(1/3)
  EXPECT_EQ(j["bleu_4"].get<double>(), 0.0);
  // ROUGE-L: 1 and, for "con chó" of 3 each, P = R = F = 2/3: mean 5/6. CIDEr-D: (7.5 + 2.5)/2.
  EXPECT_NEAR(j["rouge_l"].get<double>(), 5.0 / 6.0, 1e-9);
  EXPECT_NEAR(j["cider_d"].get<double>(), 5.0, 1e-9);
  ASSERT_EQ(j["per_sample"].size(), 2u);
  EXPECT_EQ(j["per_sample"][1]["id"], "2");
  EXPECT_NEAR(j["per_sample"][1]["cider_d"].get<double>(), 2.5, 1e-9);

  const auto human = runCli({"score", "caption", "--pred", pred, "--ref", ref}, dir.path());
  ASSERT_EQ(human.exitCode, 0) << human.err;
  EXPECT_NE(human.out.find("BLEU-1 (syllables)"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("CIDEr-D (syllables)          5.0000"), std::string::npos) << human.out;
}

TEST(CliScore, VqaGivesExactMatchF1AndTypes) {
  test_support::ScratchDir dir;
  const std::string pred = dir.write("p.json", R"([{"id": "q1", "answer": "Màu đỏ."}, {"id": "q2", "text": "đỏ"},
                                                  {"id": "q3", "answer": "phụ nữ"}])");
  const std::string ref = dir.write("r.json", R"([{"id": "q1", "answers": ["màu đỏ"], "type": "color"},
                                                 {"id": "q2", "answers": ["màu đỏ"], "type": "color"},
                                                 {"id": "q3", "answer": "phụ_nữ"}])");
  // q1 EM 1 F1 1; q2 EM 0, F1 2 * 1 * 0.5 / 1.5 = 2/3; q3 (syllables) EM 1 F1 1.
  const auto r = runCli({"score", "vqa", "--pred", pred, "--ref", ref, "--json"}, dir.path());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["exact_match"].get<double>(), 2.0 / 3.0, 1e-9);
  EXPECT_NEAR(j["f1"].get<double>(), (2 + 2.0 / 3.0) / 3, 1e-9);
  ASSERT_EQ(j["by_type"].size(), 2u);
  EXPECT_EQ(j["by_type"][0]["type"], "color");
  EXPECT_NEAR(j["by_type"][0]["f1"].get<double>(), (1 + 2.0 / 3.0) / 2, 1e-9);
  EXPECT_EQ(j["by_type"][1]["type"], "unknown");
  EXPECT_FALSE(j.contains("per_sample"));

  // Word level: "phụ" "nữ" no longer match "phụ_nữ".
  const auto words =
      runCli({"score", "vqa", "--pred", pred, "--ref", ref, "--tokenization", "segmented_words"}, dir.path());
  ASSERT_EQ(words.exitCode, 0) << words.err;
  EXPECT_NE(words.out.find("exact match (segmented_words) 0.3333"), std::string::npos) << words.out;
  EXPECT_NE(words.out.find("color"), std::string::npos);
}

TEST(CliScore, BadFilesExitTwoNamingFileRecordAndField) {
  test_support::ScratchDir dir;
  const std::string ref =
      dir.write("ref.json", R"([{"id": "a", "texts": ["con mèo"]}, {"id": "b", "texts": ["con chó"]}])");
  const std::string bad = dir.write("preds.json", R"([{"id": "a", "text": "con mèo"}, {"id": "b", "caption": "x"}])");
  const auto r = runCli({"score", "caption", "--pred", bad, "--ref", ref}, dir.path());
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("preds.json: record 1 (id 'b'): missing field 'text'"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;

  const std::string partial = dir.write("partial.json", R"([{"id": "a", "text": "con mèo"}])");
  const auto missing = runCli({"score", "caption", "--pred", partial, "--ref", ref, "--json"}, dir.path());
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("reference id 'b' has no prediction"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("partial.json vs "), std::string::npos) << missing.err;

  const std::string broken = dir.write("broken.json", "[{\"id\": \"a\",\n \"text\": }]");
  const auto parse = runCli({"score", "caption", "--pred", broken, "--ref", ref}, dir.path());
  EXPECT_EQ(parse.exitCode, 2);
  EXPECT_NE(parse.err.find("broken.json:2:"), std::string::npos) << parse.err;
}
