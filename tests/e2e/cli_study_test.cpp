// `vimoe study --smoke` on a copy of the demo project: both variants train through the real
// CLI, the table is printed, and the store holds both runs with curves and expert load.
#include <gtest/gtest.h>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"
#include "vimoe/store/run_store.h"
#include "vimoe/util/safetensors.h"

#include <nlohmann/json.hpp>

using namespace vimoe;
using test_support::runCli;

TEST(CliStudy, SmokeStudyTrainsDenseAndMoeAndFillsTheStore) {
  test_support::ScratchDir dir;
  test_support::copyDemoProject(dir.path(""));
  const std::string storePath = dir.path("e2e.db");
  const auto r = runCli({"--threads", "1", "study", dir.path("studies/dense-vs-moe.json"), "--smoke", "--store", storePath,
                         "--table", dir.path("table.md")},
                        dir.path(""));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("| dense | 1 | finished |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| moe-e4-k1 | 2 | finished |"), std::string::npos) << r.out;
  EXPECT_EQ(test_support::slurp(dir.path("table.md")).find("Study 'dense-vs-moe'"), 0u);

  auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  const auto runs = store->listRuns().value();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].name, "dense-vs-moe/dense");
  EXPECT_EQ(runs[1].name, "dense-vs-moe/moe-e4-k1");
  for (const auto& run : runs) {
    EXPECT_EQ(run.status, store::RunStatus::Finished) << run.name;
    EXPECT_EQ(run.step, 6);
    EXPECT_EQ(store->scalars(run.id, "train/loss")->size(), 6u);  // log_every=1 in the smoke overrides
    EXPECT_EQ(store->scalars(run.id, "val/r1_i2t")->size(), 2u);   // steps 3 and 6
    EXPECT_FALSE(run.checkpointDir.empty());
  }
  // Dense has no MoE layer; the MoE run logs 4 layers x 4 experts at steps 2, 4, 6.
  EXPECT_TRUE(store->expertLoad(runs[0].id)->empty());
  EXPECT_EQ(store->moeLayers(runs[1].id)->size(), 4u);
  EXPECT_EQ(store->expertLoad(runs[1].id)->size(), 4u * 4u * 3u);
  EXPECT_EQ(store->studyRuns(1)->size(), 2u);
  // The run list works from the CLI too.
  const auto list = runCli({"runs", "list", "--store", storePath}, dir.path(""));
  EXPECT_EQ(list.exitCode, 0);
  EXPECT_NE(list.out.find("dense-vs-moe/moe-e4-k1"), std::string::npos);
}

TEST(CliStudy, OnlyRunsTheNamedVariantsAndRejectsUnknownNames) {
  test_support::ScratchDir dir;
  test_support::copyDemoProject(dir.path(""));
  const std::string storePath = dir.path("e2e.db");
  const auto unknown = runCli({"study", dir.path("studies/dense-vs-moe.json"), "--smoke", "--store", storePath, "--only", "moe-e8"},
                              dir.path(""));
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_NE(unknown.err.find("--only: no variant named 'moe-e8'"), std::string::npos) << unknown.err;

  const auto one = runCli({"--threads", "1", "study", dir.path("studies/dense-vs-moe.json"), "--smoke", "--store", storePath,
                           "--only", "moe-e4-k1"},
                          dir.path(""));
  ASSERT_EQ(one.exitCode, 0) << one.err;
  EXPECT_NE(one.out.find("| moe-e4-k1 |"), std::string::npos) << one.out;
  EXPECT_EQ(one.out.find("| dense |"), std::string::npos) << one.out;
  auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  ASSERT_EQ(store->listRuns()->size(), 1u);
  EXPECT_EQ(store->listRuns()->front().name, "dense-vs-moe/moe-e4-k1");
}

// The proposal's method on the demo: pretrain a dense CLIP-architecture model, publish it in the
// OpenCLIP layout, import it, fine-tune it dense and upcycled to MoE. The import is the published
// model bit for bit, and both fine-tunes start from it.
TEST(CliStudy, PretrainedUpcycleImportsThePublishedModelAndFineTunesDenseAndMoe) {
  test_support::ScratchDir dir;
  test_support::copyDemoProject(dir.path(""));
  const std::string storePath = dir.path("e2e.db");
  const auto r = runCli({"--threads", "1", "study", dir.path("studies/pretrained-upcycle.json"), "--smoke", "--store", storePath},
                        dir.path(""));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::string imported = dir.path("checkpoints/smoke/1-pretrained-upcycle_imported");
  const std::string published = imported + ".open-clip";
  EXPECT_NE(r.out.find("| imported | " + published + " | open-clip | "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| dense-finetune | 2 | finished |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| moe-upcycled-e4 | 3 | finished |"), std::string::npos) << r.out;

  // The published folder is whole: weights, OpenCLIP's config and the BPE learnt for the run,
  // whose <|endoftext|> is the largest id (OpenCLIP pools there).
  for (const char* file : {"open_clip_model.safetensors", "open_clip_config.json", "vocab.json", "merges.txt"})
    EXPECT_TRUE(std::filesystem::exists(published + "/" + file)) << file;
  const auto vocab = nlohmann::json::parse(test_support::slurp(imported + "/vocab.json"));
  EXPECT_EQ(vocab.at("<|endoftext|>").get<int>(), static_cast<int>(vocab.size()) - 1);

  auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  const auto runs = store->listRuns().value();
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].name, "pretrained-upcycle/pretrain");
  const auto before = loadSafetensors(runs[0].checkpointDir + "/model.safetensors").value();
  const auto after = loadSafetensors(imported + "/model.safetensors").value();
  ASSERT_EQ(before.tensors.size(), after.tensors.size());
  for (const auto& [name, blob] : before.tensors) {
    ASSERT_TRUE(after.tensors.count(name)) << name;
    EXPECT_EQ(after.tensors.at(name).bytes, blob.bytes) << name;
  }
  for (std::size_t i : {1u, 2u}) {
    const auto config = nlohmann::json::parse(store->run(runs[i].id)->configJson);
    EXPECT_EQ(config["model"]["init_from"], imported) << runs[i].name;
    EXPECT_EQ(config["data"]["text_format"], "clip");
  }
  EXPECT_TRUE(store->moeLayers(runs[1].id)->empty());
  EXPECT_EQ(store->moeLayers(runs[2].id)->size(), 4u);
}

// Seeds: every variant once per seed, the runs named and seeded apart, the table with mean ± std
// over the seeds and Welch's test of MoE against dense.
TEST(CliStudy, SeedsRunEveryVariantPerSeedAndTheTableGivesMeanAndStd) {
  test_support::ScratchDir dir;
  test_support::copyDemoProject(dir.path(""));
  const std::string storePath = dir.path("e2e.db");
  const auto r = runCli({"--threads", "1", "study", dir.path("studies/dense-vs-moe.json"), "--smoke", "--store", storePath,
                         "--seeds", "1,2,3", "--csv", dir.path("table.csv")},
                        dir.path(""));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  const auto runs = store->listRuns().value();
  ASSERT_EQ(runs.size(), 6u);
  const std::vector<std::string> names = {"dense-vs-moe/dense/seed1",     "dense-vs-moe/dense/seed2",
                                          "dense-vs-moe/dense/seed3",     "dense-vs-moe/moe-e4-k1/seed1",
                                          "dense-vs-moe/moe-e4-k1/seed2", "dense-vs-moe/moe-e4-k1/seed3"};
  for (std::size_t i = 0; i < runs.size(); ++i) {
    EXPECT_EQ(runs[i].name, names[i]);
    EXPECT_EQ(runs[i].seed, static_cast<std::int64_t>(i % 3 + 1)) << runs[i].name;
    EXPECT_EQ(runs[i].status, store::RunStatus::Finished);
  }
  // Different seeds train differently: the final losses are not all one number.
  const auto loss = [&](std::size_t i) { return store->scalars(runs[i].id, "train/loss")->back().value; };
  EXPECT_NE(loss(0), loss(1));
  EXPECT_NE(r.out.find("| moe-e4-k1 | 1 | 4 | finished |"), std::string::npos) << r.out;  // variant | seed | run | status
  EXPECT_NE(r.out.find("contrastive over seeds (mean ± sample std)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| dense | 3 | 3 | "), std::string::npos) << r.out;  // variant | seeds | finished
  EXPECT_NE(r.out.find(" ± "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Welch's t-test"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| moe-e4-k1 - dense | "), std::string::npos) << r.out;
  // The CSV keeps one line per run, with its seed.
  const std::string csv = test_support::slurp(dir.path("table.csv"));
  EXPECT_EQ(csv.substr(0, csv.find('\n')).find("study,kind,variant,seed,run,status"), 0u) << csv;
}
