// Sparse upcycling through the real CLI: the upcycled-vs-scratch smoke study (which starts two
// variants from the dense variant's checkpoint), then `vimoe upcycle` on that checkpoint.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"
#include "vimoe/store/run_store.h"

using namespace vimoe;
using test_support::runCli;

TEST(CliUpcycle, StudyStartsFromTheDenseVariantAndUpcycleWritesACheckpoint) {
  test_support::ScratchDir dir;
  test_support::copyDemoProject(dir.path(""));
  const std::string storePath = dir.path("e2e.db");
  const auto study = runCli({"--threads", "1", "study", dir.path("studies/upcycled-vs-scratch.json"), "--smoke", "--store",
                             storePath},
                            dir.path(""));
  ASSERT_EQ(study.exitCode, 0) << study.err;
  for (const char* variant : {"dense-pretrain", "dense-continued", "upcycled-e4", "moe-scratch-e4"})
    EXPECT_NE(study.out.find(std::string("| ") + variant + " |"), std::string::npos) << study.out;
  EXPECT_NE(study.err.find("upcycled "), std::string::npos) << study.err;  // the trainer says it upcycled

  auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  const auto runs = store->listRuns().value();
  ASSERT_EQ(runs.size(), 4u);
  const auto denseCheckpoint = runs[0].checkpointDir;
  EXPECT_EQ(store->moeLayers(runs[2].id)->size(), 4u);

  const auto out = dir.path("upcycled-e8");
  const auto upcycle = runCli({"upcycle", "--from", denseCheckpoint, "--experts", "8", "--top-k", "1", "--out", out,
                               "--set", "moe.router=batch_priority"},
                              dir.path(""));
  ASSERT_EQ(upcycle.exitCode, 0) << upcycle.err;
  EXPECT_NE(upcycle.out.find("4 MoE layers x 8 experts (top-1, router batch_priority)"), std::string::npos) << upcycle.out;
  EXPECT_NE(upcycle.out.find("max |expert - source| = 0 (exact copies)"), std::string::npos) << upcycle.out;
  EXPECT_TRUE(std::filesystem::exists(out + "/model.safetensors"));
  EXPECT_NE(test_support::slurp(out + "/config.json").find("\"num_experts\": 8"), std::string::npos);
  // Dropless at evaluation by default, the tokenizer travels, and the verb checks step-0
  // equivalence on the project's own validation data.
  EXPECT_NE(test_support::slurp(out + "/config.json").find("\"capacity_factor_eval\": 0"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(out + "/tokenizer.model"));
  const auto check = upcycle.out.find("step-0 check on 8 validation images and captions of ");
  ASSERT_NE(check, std::string::npos) << upcycle.out;
  double image = 1, text = 1;
  ASSERT_EQ(std::sscanf(upcycle.out.c_str() + upcycle.out.find("max |MoE - dense| = ", check),
                        "max |MoE - dense| = %lf (image embeddings), %lf", &image, &text), 2)
      << upcycle.out;
  EXPECT_LT(image, 1e-4);
  EXPECT_LT(text, 1e-4);
  EXPECT_EQ(upcycle.out.find("does not compute the dense function"), std::string::npos) << upcycle.out;

  // The upcycled checkpoint embeds texts with the tokenizer that travelled with it.
  const auto embed = runCli({"embed", "--checkpoint", out, "--text", "hình vuông màu đỏ", "--text", "đồng hồ", "--json",
                             "--normalize"},
                            dir.path(""));
  ASSERT_EQ(embed.exitCode, 0) << embed.err;
  const auto firstLine = embed.out.substr(0, embed.out.find('\n'));
  const auto line = nlohmann::json::parse(firstLine);
  EXPECT_EQ(line["kind"], "text");
  EXPECT_EQ(line["input"], "hình vuông màu đỏ");
  double squared = 0;
  for (const auto& v : line["embedding"]) squared += v.get<double>() * v.get<double>();
  EXPECT_NEAR(squared, 1.0, 1e-4);
  EXPECT_EQ(std::count(embed.out.begin(), embed.out.end(), '\n'), 2);

  // A checkpoint outside any project: eval says how to name the data, then evaluates it with
  // --project or --data, and the dropless upcycled model scores exactly what its source scores.
  test_support::ScratchDir elsewhere;
  const auto outside = elsewhere.path("upcycled-e4");
  ASSERT_EQ(runCli({"upcycle", "--from", denseCheckpoint, "--experts", "4", "--out", outside}, dir.path("")).exitCode, 0);
  const auto lost = runCli({"eval", "--task", "retrieval", "--checkpoint", outside}, elsewhere.path(""));
  EXPECT_EQ(lost.exitCode, 2);
  EXPECT_NE(lost.err.find("give --project DIR or --data DATASET_DIR"), std::string::npos) << lost.err;
  auto recallOf = [&](const std::vector<std::string>& args) {
    std::vector<std::string> command = {"eval", "--task", "retrieval", "--json", "--store", "none"};
    command.insert(command.end(), args.begin(), args.end());
    const auto run = runCli(command, elsewhere.path(""));
    EXPECT_EQ(run.exitCode, 0) << run.err;
    const auto metrics = nlohmann::json::parse(run.out)["metrics"];
    return std::make_pair(metrics["retrieval/r1_i2t"].get<double>(), metrics["retrieval/clip_loss"].get<double>());
  };
  const auto source = recallOf({"--checkpoint", denseCheckpoint});
  const auto viaProject = recallOf({"--checkpoint", outside, "--project", dir.path("")});
  const auto viaData = recallOf({"--checkpoint", outside, "--data", dir.path("data/synthetic-smoke")});
  EXPECT_DOUBLE_EQ(viaProject.first, source.first);
  EXPECT_NEAR(viaProject.second, source.second, 1e-5);
  EXPECT_DOUBLE_EQ(viaData.first, source.first);
  EXPECT_NEAR(viaData.second, source.second, 1e-5);

  // Upcycling an MoE checkpoint is bad input, and nothing is written.
  const auto twice = runCli({"upcycle", "--from", out, "--experts", "4", "--out", dir.path("twice")}, dir.path(""));
  EXPECT_EQ(twice.exitCode, 2);
  EXPECT_NE(twice.err.find("moe.enabled is true"), std::string::npos) << twice.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path("twice")));
}
