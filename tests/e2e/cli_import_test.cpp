// `vimoe import` through the real binary: the mapping table of a dry run, and bad input (a
// truncated file, a header lying about offsets, a missing tensor, a wrong shape, an unknown
// layout, a pickle): each is exit 2 with a message naming the file and the tensor, nothing written.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "e2e/cli_process.h"
#include "support/reference_checkpoints.h"
#include "support/scratch_dir.h"
#include "vimoe/util/safetensors.h"

using namespace vimoe;
using test_support::runCli;

namespace {

TensorBlob floats(std::vector<std::int64_t> shape) {
  TensorBlob blob;
  blob.dtype = "F32";
  blob.shape = std::move(shape);
  blob.bytes.assign(static_cast<std::size_t>(blob.elementCount()) * 4, '\0');
  return blob;
}

void expectRefused(const test_support::CliResult& result, const std::vector<std::string>& mentions,
                   const std::string& out) {
  EXPECT_EQ(result.exitCode, 2) << result.out << result.err;
  for (const auto& text : mentions) EXPECT_NE(result.err.find(text), std::string::npos) << text << " in: " << result.err;
  EXPECT_FALSE(std::filesystem::exists(out + "/model.safetensors"));
}

}  // namespace

TEST(CliImport, UnreadableOrForeignFilesAreRefusedNamingFileAndTensor) {
  test_support::ScratchDir dir;
  const auto out = dir.path("out");
  SafetensorsFile foreign;
  foreign.tensors["encoder.block.0.weight"] = floats({4, 4});
  ASSERT_TRUE(saveSafetensors(dir.path("foreign.safetensors"), foreign).ok());
  expectRefused(runCli({"import", dir.path("foreign.safetensors"), "--out", out}, dir.path()),
                {"foreign.safetensors", "unknown checkpoint layout", "encoder.block.0.weight"}, out);

  const std::string bytes = encodeSafetensors(foreign);
  dir.write("truncated.safetensors", bytes.substr(0, bytes.size() - 10));
  expectRefused(runCli({"import", dir.path("truncated.safetensors"), "--out", out}, dir.path()),
                {"truncated.safetensors", "encoder.block.0.weight"}, out);

  // A header whose offsets point past the end of the data.
  const std::string header = R"({"vision_model.embeddings.class_embedding":{"dtype":"F32","shape":[8],"data_offsets":[0,4096]}})";
  std::string lying(8, '\0');
  for (int i = 0; i < 8; ++i) lying[i] = static_cast<char>((header.size() >> (8 * i)) & 0xff);
  dir.write("lying.safetensors", lying + header + std::string(32, '\0'));
  expectRefused(runCli({"import", dir.path("lying.safetensors"), "--out", out}, dir.path()),
                {"lying.safetensors", "vision_model.embeddings.class_embedding"}, out);

  dir.write("pytorch_model.bin", "\x80\x02pickled");
  expectRefused(runCli({"import", dir.path("pytorch_model.bin"), "--out", out}, dir.path()),
                {"pytorch_model.bin", "never unpickles", "save_file"}, out);
}

TEST(CliImport, DryRunTableAndBrokenCheckpointsOfAPublishedLayout) {
  test_support::ScratchDir dir;
  const auto made = test_support::makeReferenceCheckpoints(dir.path());
  if (made.outcome == test_support::ReferenceCheckpoints::Outcome::Skip) GTEST_SKIP() << made.message;
  ASSERT_EQ(made.outcome, test_support::ReferenceCheckpoints::Outcome::Made) << made.message;

  const auto table = runCli({"import", dir.path("hf-clip"), "--dry-run"}, dir.path());
  ASSERT_EQ(table.exitCode, 0) << table.err;
  for (const char* line : {"(hf-clip)", "image tower: 32 px, patch 8, width 32, depth 2, heads 2",
                           "activation quick_gelu", "text pool eot (causal)",
                           "image.blocks.0.attn.qkv.weight <- vision_model.encoder.layers.0.self_attn.q_proj.weight + "
                           "vision_model.encoder.layers.0.self_attn.k_proj.weight + "
                           "vision_model.encoder.layers.0.self_attn.v_proj.weight [concat q,k,v] [96, 32]",
                           "unused: text_model.embeddings.position_ids", "new:    image.pixel_mean"})
    EXPECT_NE(table.out.find(line), std::string::npos) << line << " in:\n" << table.out;

  const auto out = dir.path("out");
  auto weights = loadSafetensors(dir.path("hf-clip/model.safetensors")).value();
  std::filesystem::create_directories(dir.path("missing"));
  auto missing = weights;
  missing.tensors.erase("text_model.final_layer_norm.weight");
  ASSERT_TRUE(saveSafetensors(dir.path("missing/model.safetensors"), missing).ok());
  expectRefused(runCli({"import", dir.path("missing"), "--out", out}, dir.path()),
                {"missing", "'text_model.final_layer_norm.weight' is missing", "text.norm_final.weight"}, out);

  std::filesystem::create_directories(dir.path("reshaped"));
  auto reshaped = weights;
  reshaped.tensors["vision_model.encoder.layers.1.mlp.fc2.weight"] = floats({32, 48});
  ASSERT_TRUE(saveSafetensors(dir.path("reshaped/model.safetensors"), reshaped).ok());
  expectRefused(runCli({"import", dir.path("reshaped"), "--out", out}, dir.path()),
                {"vision_model.encoder.layers.1.mlp.fc2.weight", "[32, 48]", "[32, 64]", "image.blocks.1.mlp.fc2.weight"},
                out);

  const auto ok = runCli({"import", dir.path("hf-clip"), "--out", out}, dir.path());
  ASSERT_EQ(ok.exitCode, 0) << ok.err;
  EXPECT_TRUE(std::filesystem::exists(out + "/import.txt"));
  EXPECT_NE(test_support::slurp(out + "/config.json").find("\"text_pool\": \"eot\""), std::string::npos);
  // A second import into the same folder would overwrite a checkpoint: refused.
  EXPECT_EQ(runCli({"import", dir.path("hf-clip"), "--out", out}, dir.path()).exitCode, 2);
}

// The proposal's path end to end through the CLI, on a project's own Vietnamese data: import a
// CLIP (its byte-level BPE travels), upcycle it with the step-0 check on the project's
// validation captions, evaluate both outside and inside the project: the dropless MoE scores
// exactly what its source scores.
TEST(CliImport, ImportUpcycleAndEvaluateOnAProjectsData) {
  test_support::ScratchDir dir;
  std::filesystem::create_directories(dir.path("sources"));
  const auto made = test_support::makeReferenceCheckpoints(dir.path("sources"));
  if (made.outcome == test_support::ReferenceCheckpoints::Outcome::Skip) GTEST_SKIP() << made.message;
  ASSERT_EQ(made.outcome, test_support::ReferenceCheckpoints::Outcome::Made) << made.message;
  const std::string project = dir.path("project");
  std::filesystem::create_directories(project);
  std::ofstream(project + "/vimoe-project.json") << R"({"name": "import e2e", "store": "vimoe.db"})";
  // The imported config reads data/synthetic in the COCO layout at the source's 32 px.
  const auto generated = runCli({"data", "generate", "--out", project + "/data/synthetic", "--train", "24", "--val", "16",
                                 "--size", "32", "--questions", "0"},
                                project);
  ASSERT_EQ(generated.exitCode, 0) << generated.err;

  const std::string clip = project + "/checkpoints/clip", moe = dir.path("elsewhere/clip-e4");
  ASSERT_EQ(runCli({"import", dir.path("sources/hf-clip"), "--out", clip}, project).exitCode, 0);
  const auto upcycle = runCli({"upcycle", "--from", clip, "--out", moe, "--experts", "4", "--project", project}, project);
  ASSERT_EQ(upcycle.exitCode, 0) << upcycle.err;
  EXPECT_NE(upcycle.out.find("step-0 check on 8 validation images and captions of " + project), std::string::npos)
      << upcycle.out;
  double image = 1, text = 1;
  const auto at = upcycle.out.find("max |MoE - dense| = ");
  ASSERT_NE(at, std::string::npos) << upcycle.out;
  ASSERT_EQ(std::sscanf(upcycle.out.c_str() + at, "max |MoE - dense| = %lf (image embeddings), %lf", &image, &text), 2);
  EXPECT_LT(image, 1e-4);
  EXPECT_LT(text, 1e-4);
  EXPECT_TRUE(std::filesystem::exists(moe + "/vocab.json"));  // the tokenizer travels on

  auto metrics = [&](const std::vector<std::string>& args) {
    std::vector<std::string> command = {"eval", "--task", "retrieval", "--json", "--store", "none"};
    command.insert(command.end(), args.begin(), args.end());
    const auto run = runCli(command, dir.path(""));
    EXPECT_EQ(run.exitCode, 0) << run.err;
    return nlohmann::json::parse(run.out)["metrics"];
  };
  const auto source = metrics({"--checkpoint", clip});
  const auto upcycled = metrics({"--checkpoint", moe, "--project", project});
  EXPECT_EQ(source.size(), upcycled.size());
  EXPECT_NEAR(source["retrieval/clip_loss"].get<double>(), upcycled["retrieval/clip_loss"].get<double>(), 1e-5);
  EXPECT_DOUBLE_EQ(source["retrieval/r1_i2t"].get<double>(), upcycled["retrieval/r1_i2t"].get<double>());
}
