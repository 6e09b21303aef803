// `vimoe model info` and `vimoe bench` through the real binary: exact counts for a hand-checked
// config (tests/core/model/model_info_test.cpp shows the FLOP working), the shape of the bench
// output (never its times), and bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"

using namespace vimoe;
using test_support::runCli;

TEST(CliModelInfo, JsonGivesExactParametersFlopsAndMoeLayers) {
  test_support::ScratchDir dir;
  const std::string cfg = dir.write("tiny.json", R"({"model": {"preset": "tiny"}, "data": {"vocab_size": 256}})");
  const auto dense = runCli({"model", "info", cfg, "--json"}, dir.path());
  ASSERT_EQ(dense.exitCode, 0) << dense.err;
  const auto d = nlohmann::json::parse(dense.out);
  // image: patch 12,288 + class 64 + positions 4,160 + 2 blocks x 49,984 + norm 128 + proj 4,096 = 120,704
  // text: tokens 16,384 + positions 1,536 + 99,968 + 128 + 4,096 = 122,112; + logit scale 1.
  EXPECT_EQ(d["towers"]["image"]["parameters"], 120704);
  EXPECT_EQ(d["towers"]["text"]["parameters"], 122112);
  EXPECT_EQ(d["total"]["parameters"], 242817);
  EXPECT_EQ(d["total"]["active_parameters"], 242817);
  EXPECT_EQ(d["total"]["flops"], 21545472);
  EXPECT_EQ(d["preset"], "tiny");

  const auto moe = runCli({"model", "info", cfg, "--json", "--set", "moe.enabled=true", "--set", "moe.num_experts=4",
                           "--set", "moe.towers=image", "--set", "moe.placement=last_n"},
                          dir.path());
  ASSERT_EQ(moe.exitCode, 0) << moe.err;
  const auto m = nlohmann::json::parse(moe.out);
  EXPECT_EQ(m["towers"]["image"]["moe_layers"], nlohmann::json::array({"image.blocks.1"}));
  EXPECT_EQ(m["towers"]["text"]["moe_layers"], nlohmann::json::array());
  // One FFN (33,088) becomes 4 experts plus a 64 x 4 router; one expert is active per token.
  EXPECT_EQ(m["total"]["parameters"], 242817 + 3 * 33088 + 256);
  EXPECT_EQ(m["total"]["active_parameters"], 242817 + 256);
  EXPECT_EQ(m["total"]["flops"], 21545472 + 2 * 65 * 64 * 4);
}

TEST(CliModelInfo, TableSaysWhatIsCountedAndListsMoeLayers) {
  test_support::ScratchDir dir;
  const std::string cfg = dir.write("small.json", R"({"model": {"preset": "small"}, "moe": {"enabled": true}})");
  const auto r = runCli({"model", "info", cfg}, dir.path());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("preset small"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("text.blocks.3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2*m*n*k"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("active"), std::string::npos) << r.out;
}

TEST(CliModelInfo, BadConfigIsBadInput) {
  test_support::ScratchDir dir;
  const std::string cfg = dir.write("bad.json", R"({"model": {"preset": "huge"}})");
  const auto r = runCli({"model", "info", cfg}, dir.path());
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("model.preset"), std::string::npos) << r.err;
  EXPECT_EQ(runCli({"model", "info", dir.path("missing.json")}, dir.path()).exitCode, 2);
}

TEST(CliBench, JsonHasBothBenchmarksWithRatiosAndRates) {
  test_support::ScratchDir dir;
  const auto r =
      runCli({"--threads", "1", "bench", "--json", "--repeat", "1", "--warmup", "0", "--steps", "1", "--batch", "4"},
             dir.path());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto b = nlohmann::json::parse(r.out);
  EXPECT_EQ(b["threads"], 1);
  EXPECT_EQ(b["moe_layer"]["experts"], 8);
  EXPECT_EQ(b["moe_layer"]["top_k"], 2);
  EXPECT_EQ(b["moe_layer"]["tokens"], 4096);
  EXPECT_DOUBLE_EQ(b["moe_layer"]["compute_proportional_ratio"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(b["moe_layer"]["target_ratio"].get<double>(), 2.6);
  EXPECT_GT(b["moe_layer"]["dropless_ratio"].get<double>(), 0.0);
  ASSERT_EQ(b["train"]["cases"].size(), 3u);
  EXPECT_EQ(b["train"]["cases"][2]["name"], "moe-e8-k2");
  EXPECT_GT(b["train"]["cases"][0]["samples_per_second"].get<double>(), 0.0);
}

TEST(CliBench, UnknownWhatIsBadInput) {
  test_support::ScratchDir dir;
  EXPECT_EQ(runCli({"bench", "--what", "everything"}, dir.path()).exitCode, 2);
}
