// The robustness lab through the real CLI: the dense-vs-MoE robustness study in smoke mode
// (two trainings, each attacked by the paper's PGD over four eps), then `vimoe attack` with APGD
// and the Lipschitz estimates on the MoE checkpoint, and the messages for bad input.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"
#include "vimoe/store/run_store.h"

using namespace vimoe;
using test_support::runCli;
namespace fs = std::filesystem;

TEST(CliAttack, RobustnessStudyAttacksDenseAndMoeThenApgdWithLipschitz) {
  test_support::ScratchDir dir;
  test_support::copyDemoProject(dir.path(""));
  const std::string storePath = dir.path("e2e.db");
  const auto study = runCli({"--threads", "1", "study", dir.path("studies/robust-dense-vs-moe.json"), "--smoke", "--store", storePath},
                            dir.path(""));
  ASSERT_EQ(study.exitCode, 0) << study.err;
  EXPECT_NE(study.out.find("robustness (pgd on 32 samples; accuracy clean -> attacked)"), std::string::npos) << study.out;
  EXPECT_NE(study.out.find("| dense | 2 | 1/255 |"), std::string::npos) << study.out;
  EXPECT_NE(study.out.find("| moe-e4-k1 | 4 | 8/255 |"), std::string::npos) << study.out;

  auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  const auto runs = store->listRuns().value();
  ASSERT_EQ(runs.size(), 4u);
  EXPECT_EQ(runs[1].kind, "attack");
  EXPECT_EQ(runs[1].parentRunId.value_or(0), runs[0].id);
  EXPECT_EQ(runs[1].name, "attack pgd of robust-dense-vs-moe/dense");
  EXPECT_EQ(runs[3].parentRunId.value_or(0), runs[2].id);
  EXPECT_EQ(runs[3].status, store::RunStatus::Finished);
  EXPECT_EQ(store->studyRuns(1)->size(), 4u);

  // Per eps: clean and attacked accuracy, prediction change; the MoE run also per layer.
  std::map<std::string, std::map<std::string, double>> byEps;
  for (const auto& row : store->evals(runs[3].id).value()) byEps[row.split][row.metric] = row.value;
  ASSERT_EQ(byEps.size(), 4u);
  const auto& strongest = byEps.at("8/255");
  EXPECT_LE(strongest.at("attack/adversarial"), strongest.at("attack/clean"));
  EXPECT_DOUBLE_EQ(strongest.at("attack/clean"), byEps.at("1/255").at("attack/clean"));  // the same clean model
  EXPECT_EQ(store->moeLayers(runs[3].id)->size(), 4u);
  for (const char* layer : {"image.blocks.0", "image.blocks.1", "text.blocks.0", "text.blocks.1"}) {
    const std::string key = std::string("attack/routing_change/") + layer;
    ASSERT_TRUE(strongest.count(key)) << key;
    EXPECT_GE(strongest.at(key), 0.0);
    EXPECT_LE(strongest.at(key), 1.0);
  }
  // Only the image tower sees the attacked pixels: the text tower's routing cannot change.
  EXPECT_DOUBLE_EQ(strongest.at("attack/routing_change/text.blocks.0"), 0.0);
  EXPECT_GT(strongest.at("attack/routing_change/image.blocks.0") + strongest.at("attack/routing_change/image.blocks.1"), 0.0);
  EXPECT_FALSE(byEps.at("1/255").count("attack/routing_change/image.blocks.0") == 0);

  // The report folder: report.json with the examples and their pictures.
  const fs::path report = fs::path(dir.path("attacks")) / std::to_string(runs[3].id) / "report.json";
  ASSERT_TRUE(fs::exists(report)) << report;
  const auto json = nlohmann::json::parse(test_support::slurp(report.string()));
  EXPECT_EQ(json["rows"].size(), 4u);
  ASSERT_EQ(json["examples"].size(), 16u);  // 4 samples x 4 eps
  const auto& example = json["examples"][0];
  EXPECT_TRUE(fs::exists(report.parent_path() / example["adversarial_image"].get<std::string>()));
  EXPECT_EQ(test_support::slurp((report.parent_path() / example["difference_image"].get<std::string>()).string()).substr(1, 3), "PNG");
  EXPECT_EQ(example["experts_before"]["image.blocks.0"].size(), 1u + 8u * 8u);  // class token + 8x8 patches of 64 px

  // APGD with the Lipschitz estimates on the MoE checkpoint, nothing stored.
  const auto apgd = runCli({"--threads", "1", "attack", "--checkpoint", runs[2].checkpointDir, "--attack", "apgd", "--eps", "4/255",
                            "--steps", "10", "--samples", "16", "--lipschitz", "--json", "--store", "none"},
                           dir.path(""));
  ASSERT_EQ(apgd.exitCode, 0) << apgd.err;
  const auto out = nlohmann::json::parse(apgd.out);
  EXPECT_EQ(out["attack"], "apgd");
  EXPECT_EQ(out["samples"], 16);
  ASSERT_EQ(out["rows"].size(), 1u);
  EXPECT_EQ(out["rows"][0]["routing_change_per_layer"].size(), 4u);
  EXPECT_EQ(out["lipschitz"]["lemma1"].size(), 2u);  // the image tower's layers: the text tower never sees the pixels
  EXPECT_EQ(out["lipschitz"]["spectral"].size(), 4u * 4u);  // 4 MoE layers x 4 experts, no dense FFN
  EXPECT_GT(out["lipschitz"]["local"]["max_l2"].get<double>(), 0.0);
  EXPECT_EQ(out["run_id"], 0);
  EXPECT_EQ(store->listRuns()->size(), 4u);
}

TEST(CliAttack, BadInputIsNamedAndNothingIsWritten) {
  test_support::ScratchDir dir;
  const auto eps = runCli({"attack", "--checkpoint", dir.path(""), "--eps", "2/0"}, dir.path(""));
  EXPECT_EQ(eps.exitCode, 2);
  EXPECT_NE(eps.err.find("--eps: '2/0' is not a radius in [0, 1]"), std::string::npos) << eps.err;
  const auto missing = runCli({"attack", "--checkpoint", dir.path("nowhere")}, dir.path(""));
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("nowhere"), std::string::npos) << missing.err;
  const auto attack = runCli({"attack", "--checkpoint", dir.path(""), "--attack", "cw"}, dir.path(""));
  EXPECT_EQ(attack.exitCode, 2);
}
