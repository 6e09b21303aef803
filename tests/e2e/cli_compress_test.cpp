// The compression lab through the real CLI: a few-step contrastive model trained on the smoke
// data, `vimoe compress` with the PPO agent on the project folder, then `vimoe eval` on the
// compressed checkpoint, and the store rows the workbench panel reads (docs/compression.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"
#include "vimoe/store/run_store.h"

using namespace vimoe;
using test_support::runCli;

TEST(CliCompress, AgentCompressesATrainedModelAndTheCheckpointEvaluates) {
  test_support::ScratchDir dir;
  test_support::copyDemoProject(dir.path(""));
  const auto trained = runCli({"--threads", "1", "train", dir.path("experiments/contrastive-tiny.json"),
                               "--set", "data.root=data/synthetic-smoke", "--set", "data.tokenizer=tokenizer/spm-smoke.model",
                               "--set", "data.synthetic.train_images=96", "--set", "data.synthetic.val_images=32",
                               "--set", "run.steps=20", "--set", "optim.warmup_steps=2", "--set", "optim.batch_size=16",
                               "--set", "run.eval_every=20", "--set", "run.checkpoint_every=20", "--set", "run.name=e2e-clip"},
                              dir.path(""));
  ASSERT_EQ(trained.exitCode, 0) << trained.err;

  const auto compressed = runCli({"--threads", "1", "compress", "--checkpoint", dir.path(""), "--budget", "0.5", "--agent", "ppo",
                                  "--episodes", "12", "--seed", "3", "--out", dir.path("compressed")},
                                 dir.path(""));
  ASSERT_EQ(compressed.exitCode, 0) << compressed.err;
  EXPECT_NE(compressed.err.find("episode 12/12"), std::string::npos) << compressed.err;
  for (const char* plan : {"uniform", "energy", "asvd", "ppo"})
    EXPECT_NE(compressed.out.find(std::string("\n") + plan + " "), std::string::npos) << plan << "\n" << compressed.out;
  for (const char* file : {"model.safetensors", "config.json", "state.json", "tokenizer.model", "factors.safetensors", "plan.json",
                           "report.json"})
    EXPECT_TRUE(std::filesystem::exists(dir.path("compressed/") + file)) << file;
  const auto report = nlohmann::json::parse(test_support::slurp(dir.path("compressed/report.json")));
  EXPECT_EQ(report["chosen"], "ppo");
  EXPECT_EQ(report["episodes"].size(), 12u);
  for (const auto& p : report["plans"]) EXPECT_LE(p["size_ratio"].get<double>(), 0.5 + 1e-9) << p["name"];

  // The compressed checkpoint loads and evaluates like any other, into the compress run.
  const auto evaluated = runCli({"eval", "--task", "retrieval", "--checkpoint", dir.path("compressed"), "--json"}, dir.path(""));
  ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
  const auto eval = nlohmann::json::parse(evaluated.out);
  EXPECT_TRUE(eval["metrics"].contains("retrieval/r1_i2t"));

  auto store = store::RunStore::open(dir.path("vimoe.db"), store::RunStore::Mode::ReadOnly).value();
  const auto runs = store->listRuns().value();
  ASSERT_EQ(runs.size(), 2u);
  const auto& run = runs[1].kind == "compress" ? runs[1] : runs[0];
  const auto& source = runs[1].kind == "compress" ? runs[0] : runs[1];
  EXPECT_EQ(run.kind, "compress");
  EXPECT_EQ(run.status, store::RunStatus::Finished);
  ASSERT_TRUE(run.parentRunId.has_value());
  EXPECT_EQ(*run.parentRunId, source.id);
  EXPECT_EQ(run.name, "compress ppo 0.5 of e2e-clip");
  EXPECT_EQ(store->scalars(run.id, "rl/reward")->size(), 12u);
  std::map<std::string, store::EvalRow> rows;
  for (const auto& row : store->evals(run.id).value()) rows[row.split + ":" + row.metric] = row;
  for (const char* key : {"compress:dense/metric", "compress:uniform/size_ratio", "compress:energy/metric", "compress:asvd/macs",
                          "compress:ppo/metric", "compress:ppo/params", "compress:chosen/layers", "compress:pareto/points",
                          "val:retrieval/r1_i2t"})
    EXPECT_TRUE(rows.count(key)) << key;
  const auto layers = nlohmann::json::parse(rows.at("compress:chosen/layers").detailsJson);
  EXPECT_EQ(layers["plan"], "ppo");
  EXPECT_EQ(layers["layers"].size(), 18u);
  std::map<std::string, std::string> artifacts;
  for (const auto& a : store->artifacts(run.id).value()) artifacts[a.kind] = a.path;
  EXPECT_TRUE(artifacts.count("checkpoint") && artifacts.count("report") && artifacts.count("factors"));

  // Bad input: a budget out of range, and a folder that is no checkpoint.
  EXPECT_EQ(runCli({"compress", "--checkpoint", dir.path(""), "--budget", "1.5"}, dir.path("")).exitCode, 2);
  const auto missing = runCli({"compress", "--checkpoint", dir.path("nowhere")}, dir.path(""));
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("nowhere"), std::string::npos) << missing.err;
  // A budget below the smallest reachable plan is bad input and leaves no run behind.
  const auto tiny = runCli({"compress", "--checkpoint", dir.path(""), "--budget", "0.01", "--agent", "uniform"}, dir.path(""));
  EXPECT_EQ(tiny.exitCode, 2);
  EXPECT_NE(tiny.err.find("below the smallest plan"), std::string::npos) << tiny.err;
  EXPECT_EQ(store->listRuns()->size(), 2u);
}
