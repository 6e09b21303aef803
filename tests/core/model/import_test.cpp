// Importing published checkpoint layouts: each tiny reference checkpoint, imported and loaded
// back as a ViMoE checkpoint, computes what its source model computes (torchvision's own
// VisionTransformer; plain-PyTorch forwards of the HF CLIP, HF SigLIP and OpenCLIP definitions).
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/reference_checkpoints.h"
#include "support/scratch_dir.h"
#include "vimoe/cli/verbs.h"
#include "vimoe/model/import/exporter.h"
#include "vimoe/model/import/importer.h"
#include "vimoe/model/tensor_io.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/init_from.h"

using namespace vimoe;

namespace {

class ImportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new test_support::ScratchDir();
    s_made = new test_support::ReferenceCheckpoints(test_support::makeReferenceCheckpoints(s_dir->path()));
  }
  static void TearDownTestSuite() {
    delete s_made;
    delete s_dir;
  }
  void SetUp() override {
    if (s_made->outcome == test_support::ReferenceCheckpoints::Outcome::Skip) GTEST_SKIP() << s_made->message;
    ASSERT_EQ(s_made->outcome, test_support::ReferenceCheckpoints::Outcome::Made) << s_made->message;
  }

  static std::string source(const std::string& layout) { return s_dir->path(layout); }

  // Imports `layout` through the verb's library function and loads the written checkpoint.
  model::ClipModel importAndLoad(const std::string& layout, int imageHeads = 0, const std::string& activation = "") {
    cli::ImportCliOptions options;
    options.source = source(layout);
    options.out = m_out.path(layout + activation);
    options.imageHeads = imageHeads;
    options.activation = activation;
    EXPECT_EQ(cli::runImport(options), cli::kExitOk);
    auto cfg = train::readCheckpointConfig(options.out);
    EXPECT_TRUE(cfg.ok()) << (cfg.ok() ? "" : cfg.error().message);
    model::ClipModel model(*cfg);
    auto state = train::readTrainingState(options.out).value();
    auto loaded = train::loadCheckpoint(options.out, *model, nullptr, state);
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
    model->eval();
    return model;
  }

  static torch::Tensor expected(const std::string& layout, const std::string& name) {
    static std::map<std::string, SafetensorsFile> files;
    if (!files.count(layout)) files[layout] = loadSafetensors(s_dir->path(layout + ".expected.safetensors")).value();
    return model::blobToTensor(files[layout].tensors.at(name), name).value();
  }

  static double maxDifference(const torch::Tensor& a, const torch::Tensor& b) {
    EXPECT_EQ(a.sizes(), b.sizes());
    return (a - b).abs().max().item<double>();
  }

  // Image and text embeddings and logits against the source model's.
  void expectSameOutputs(const std::string& layout) {
    auto model = importAndLoad(layout);
    torch::NoGradGuard noGrad;
    const auto images = model->encodeImages(expected(layout, "pixels"));
    const auto texts = model->encodeTexts(expected(layout, "ids"));
    const double image = maxDifference(images, expected(layout, "image"));
    const double text = maxDifference(texts, expected(layout, "text"));
    const double logits = maxDifference(model->logits(images, texts), expected(layout, "logits"));
    std::printf("%s: max |difference| image %.2e, text %.2e, logits %.2e\n", layout.c_str(), image, text, logits);
    EXPECT_LT(image, 1e-4) << layout << " image embeddings";
    EXPECT_LT(text, 1e-4) << layout << " text embeddings";
    EXPECT_LT(logits, 1e-4) << layout << " logits";
    // Not vacuous: the embeddings differ between samples.
    EXPECT_GT(maxDifference(images[0], images[1]), 0.05);
  }

  test_support::ScratchDir m_out;
  static test_support::ScratchDir* s_dir;
  static test_support::ReferenceCheckpoints* s_made;
};

test_support::ScratchDir* ImportTest::s_dir = nullptr;
test_support::ReferenceCheckpoints* ImportTest::s_made = nullptr;

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_F(ImportTest, HfClipComputesWhatTransformersComputes) { expectSameOutputs("hf-clip"); }

// CLIP's vocab.json + merges.txt travel with the import: the core's byte-level BPE gives the
// ids of the Python reference (clip_bpe.py: CLIP's pattern under the `regex` module) for
// Vietnamese and English texts, and the imported text tower embeds them as the source does.
TEST_F(ImportTest, HfClipTokenizerGivesTheReferenceIdsAndTextEmbeddings) {
  auto model = importAndLoad("hf-clip");
  const std::string out = m_out.path("hf-clip");
  EXPECT_TRUE(std::filesystem::exists(out + "/vocab.json"));
  EXPECT_TRUE(std::filesystem::exists(out + "/merges.txt"));
  const auto cfg = train::readCheckpointConfig(out).value();
  EXPECT_EQ(cfg.data.text_format, "clip");
  auto tokenizer = train::loadCheckpointTokenizer(out, cfg);
  ASSERT_TRUE(tokenizer.ok()) << tokenizer.error().message;

  std::ifstream textsFile(s_dir->path("hf-clip.texts.json"));
  const auto texts = nlohmann::json::parse(textsFile).get<std::vector<std::string>>();
  const auto reference = expected("hf-clip", "text_ids");
  ASSERT_EQ(reference.size(0), static_cast<std::int64_t>(texts.size()));
  const int length = static_cast<int>(reference.size(1));
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto padded = tokenizer->encodePadded(texts[i], length);
    const auto row = reference[static_cast<std::int64_t>(i)];
    const std::vector<std::int64_t> want(row.data_ptr<std::int64_t>(), row.data_ptr<std::int64_t>() + length);
    EXPECT_EQ(std::vector<std::int64_t>(padded.begin(), padded.end()), want) << texts[i];
    ids.insert(ids.end(), padded.begin(), padded.end());
  }
  torch::NoGradGuard noGrad;
  const auto embeddings = model->encodeTexts(torch::tensor(ids).view({-1, length}));
  const double difference = maxDifference(embeddings, expected("hf-clip", "text_embeddings"));
  std::printf("hf-clip texts through the BPE: max |difference| %.2e\n", difference);
  EXPECT_LT(difference, 1e-4);
}

// Mixed towers: each tower computes what it computed in its own source, with its own
// activation, LayerNorm epsilon and pooling (CLIP's quick_gelu / 1e-5 / end-of-text beside
// SigLIP's gelu-tanh / 1e-6 / last token; torchvision's gelu beside CLIP's quick_gelu).
TEST_F(ImportTest, MixedTowersComputeWhatEachSourceComputes) {
  cli::ImportCliOptions options;
  options.source = source("hf-clip");
  options.textFrom = source("hf-siglip");
  options.out = m_out.path("clip-image-siglip-text");
  ASSERT_EQ(cli::runImport(options), cli::kExitOk);
  auto cfg = train::readCheckpointConfig(options.out).value();
  EXPECT_EQ(cfg.model.arch.activation, "quick_gelu");
  EXPECT_EQ(cfg.model.arch.text_activation, "gelu_tanh");
  EXPECT_DOUBLE_EQ(cfg.model.arch.text_norm_eps, 1e-6);
  EXPECT_EQ(cfg.model.arch.text_pool, "last");
  model::ClipModel mixed(cfg);
  auto state = train::readTrainingState(options.out).value();
  ASSERT_TRUE(train::loadCheckpoint(options.out, *mixed, nullptr, state).ok());
  mixed->eval();
  torch::NoGradGuard noGrad;
  const double image = maxDifference(mixed->encodeImages(expected("hf-clip", "pixels")), expected("hf-clip", "image"));
  const double text = maxDifference(mixed->encodeTexts(expected("hf-siglip", "ids")), expected("hf-siglip", "text"));
  std::printf("hf-clip image + hf-siglip text: max |difference| image %.2e, text %.2e\n", image, text);
  EXPECT_LT(image, 1e-4);
  EXPECT_LT(text, 1e-4);

  options.source = source("torchvision-vit");
  options.textFrom = source("hf-clip");
  options.imageHeads = 2;
  options.out = m_out.path("vit-image-clip-text");
  ASSERT_EQ(cli::runImport(options), cli::kExitOk);
  cfg = train::readCheckpointConfig(options.out).value();
  EXPECT_EQ(cfg.model.arch.text_activation, "quick_gelu");
  EXPECT_EQ(cfg.data.text_format, "clip");  // CLIP's tokenizer travelled with its text tower
  EXPECT_TRUE(std::filesystem::exists(options.out + "/vocab.json"));
  model::ClipModel vitClip(cfg);
  state = train::readTrainingState(options.out).value();
  ASSERT_TRUE(train::loadCheckpoint(options.out, *vitClip, nullptr, state).ok());
  vitClip->eval();
  const auto features = torch::nn::functional::normalize(expected("torchvision-vit", "features"),
                                                         torch::nn::functional::NormalizeFuncOptions().dim(-1));
  EXPECT_LT(maxDifference(vitClip->encodeImages(expected("torchvision-vit", "pixels")), features), 1e-4);
  EXPECT_LT(maxDifference(vitClip->encodeTexts(expected("hf-clip", "ids")), expected("hf-clip", "text")), 1e-4);
  // The logit scale is CLIP's (a torchvision ViT has none).
  EXPECT_NEAR(vitClip->logitScale().item<double>(), 1 / 0.07, 1e-3);

  // A torchvision ViT has no text tower to give.
  options.source = source("hf-clip");
  options.textFrom = source("torchvision-vit");
  options.out = m_out.path("no-text");
  EXPECT_EQ(cli::runImport(options), cli::kExitBadInput);
  EXPECT_FALSE(std::filesystem::exists(options.out + "/model.safetensors"));
}

// Export runs the OpenCLIP rules backwards: an imported OpenCLIP checkpoint exports to the very
// tensors it came from, and the export imports again to the same model.
TEST_F(ImportTest, ExportWritesTheOpenClipLayoutBitForBit) {
  auto imported = importAndLoad("open-clip");
  const std::string exported = m_out.path("exported");
  cli::ExportCliOptions options;
  options.checkpoint = m_out.path("open-clip");
  options.out = exported;
  ASSERT_EQ(cli::runExport(options), cli::kExitOk);
  const auto original = loadSafetensors(source("open-clip") + "/model.safetensors").value();
  const auto written = loadSafetensors(exported + "/open_clip_model.safetensors").value();
  EXPECT_EQ(written.tensors.size(), original.tensors.size());
  for (const auto& [name, blob] : written.tensors) {
    ASSERT_TRUE(original.tensors.count(name)) << name;
    const auto a = model::blobToTensor(blob, name).value();
    const auto b = model::blobToTensor(original.tensors.at(name), name).value();
    ASSERT_EQ(a.sizes(), b.sizes()) << name;
    EXPECT_EQ((a - b).abs().max().item<double>(), 0.0) << name;
  }
  // Read back, it is the same model (heads from the written open_clip_config.json).
  cli::ImportCliOptions again;
  again.source = exported;
  again.out = m_out.path("reimported");
  ASSERT_EQ(cli::runImport(again), cli::kExitOk);
  auto cfg = train::readCheckpointConfig(again.out).value();
  model::ClipModel back(cfg);
  auto state = train::readTrainingState(again.out).value();
  ASSERT_TRUE(train::loadCheckpoint(again.out, *back, nullptr, state).ok());
  back->eval();
  torch::NoGradGuard noGrad;
  EXPECT_EQ(maxDifference(back->encodeImages(expected("open-clip", "pixels")), imported->encodeImages(expected("open-clip", "pixels"))), 0.0);
  EXPECT_EQ(maxDifference(back->encodeTexts(expected("open-clip", "ids")), imported->encodeTexts(expected("open-clip", "ids"))), 0.0);

  // A model OpenCLIP cannot express is refused with every field that stands in the way.
  const auto problems = model::import::openClipExportProblems(config::ExperimentConfig{});
  const auto has = [&](const std::string& field) {
    return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.rfind(field, 0) == 0; });
  };
  EXPECT_TRUE(has("model.arch.text_pool: mean"));
  EXPECT_TRUE(has("model.arch.pre_norm"));
  EXPECT_TRUE(has("model.arch.text_causal"));
  EXPECT_FALSE(has("moe.enabled"));
  options.out = m_out.path("exported");  // already written: refused, nothing replaced
  EXPECT_EQ(cli::runExport(options), cli::kExitBadInput);
}

TEST_F(ImportTest, HfSiglipComputesWhatTransformersComputes) { expectSameOutputs("hf-siglip"); }

TEST_F(ImportTest, OpenClipComputesWhatOpenClipComputes) { expectSameOutputs("open-clip"); }

TEST_F(ImportTest, TorchvisionVitFeaturesMatchTorchvisionsForward) {
  // torchvision checkpoints carry no head count: 2 heads of 16, given as --image-heads would.
  auto model = importAndLoad("torchvision-vit", /*imageHeads=*/2);
  torch::NoGradGuard noGrad;
  model::AuxLosses aux;
  const auto features = model->imageTower()->pooled(expected("torchvision-vit", "pixels"), aux);
  const double difference = maxDifference(features, expected("torchvision-vit", "features"));
  std::printf("torchvision-vit: max |difference| of the pooled features %.2e\n", difference);
  EXPECT_LT(difference, 1e-4);
  EXPECT_GT(maxDifference(features[0], features[1]), 0.05);
}

TEST_F(ImportTest, TheComparisonSeesAWrongArchitecture) {
  // The same weights run with exact GELU instead of CLIP's quick_gelu: the outputs move far
  // beyond the tolerance, so the agreement above is not an accident of small weights.
  auto model = importAndLoad("hf-clip", 0, "gelu");
  torch::NoGradGuard noGrad;
  EXPECT_GT(maxDifference(model->encodeImages(expected("hf-clip", "pixels")), expected("hf-clip", "image")), 1e-3);
}

TEST_F(ImportTest, EmbedReadsImageFilesAndGivesTheTorchvisionFeatures) {
  // The reference pixels are k / 255, so PNG files hold them exactly; `vimoe embed` decodes them
  // with OpenCV and must give torchvision's pooled features (the import's identity projection).
  cli::ImportCliOptions import;
  import.source = source("torchvision-vit");
  import.out = m_out.path("vit");
  import.imageHeads = 2;
  ASSERT_EQ(cli::runImport(import), cli::kExitOk);
  const auto pixels = expected("torchvision-vit", "pixels");
  std::filesystem::create_directories(m_out.path("images"));
  for (std::int64_t i = 0; i < pixels.size(0); ++i) {
    const auto hwc = (pixels[i].permute({1, 2, 0}).flip(2) * 255.0).round().to(torch::kUInt8).contiguous();  // RGB -> BGR
    cv::Mat image(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), CV_8UC3, hwc.data_ptr());
    ASSERT_TRUE(cv::imwrite(m_out.path("images/" + std::to_string(i) + ".png"), image));
  }
  cli::EmbedCliOptions embed;
  embed.checkpoint = import.out;
  embed.images = {m_out.path("images")};  // a folder: every image in it, sorted
  embed.out = m_out.path("features.safetensors");
  ASSERT_EQ(cli::runEmbed(embed), cli::kExitOk);
  const auto written = loadSafetensors(embed.out).value();
  const auto features = model::blobToTensor(written.tensors.at("images"), "images").value();
  EXPECT_LT(maxDifference(features, expected("torchvision-vit", "features")), 1e-4);
  EXPECT_NE(written.metadata.at("images").find("0.png"), std::string::npos);

  // Texts need a tokenizer, which an image-tower import does not have: a clear refusal.
  cli::EmbedCliOptions text;
  text.checkpoint = import.out;
  text.texts = {"một con mèo"};
  EXPECT_EQ(cli::runEmbed(text), cli::kExitBadInput);
}

TEST_F(ImportTest, InitFromAnImportNeedsItsArchitecture) {
  cli::ImportCliOptions import;
  import.source = source("hf-clip");
  import.out = m_out.path("clip");
  ASSERT_EQ(cli::runImport(import), cli::kExitOk);
  auto cfg = train::readCheckpointConfig(import.out).value();
  model::ClipModel same(cfg);
  EXPECT_TRUE(train::initialiseFromCheckpoint(import.out, same, {}).ok());
  // The same shapes with the default architecture would silently compute something else.
  cfg.model.arch = config::ArchitectureConfig{};
  model::ClipModel other(cfg);
  auto refused = train::initialiseFromCheckpoint(import.out, other, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("model.init_from: " + import.out +
                                         " has model.arch.activation = quick_gelu but this config has gelu"),
            std::string::npos)
      << refused.error().message;
}

TEST_F(ImportTest, ReportListsUnusedSourceTensorsAndFreshModelTensors) {
  auto clip = model::import::importCheckpoint(source("hf-clip"), {});
  ASSERT_TRUE(clip.ok()) << clip.error().message;
  const auto& report = clip->report;
  EXPECT_EQ(report.format, model::import::SourceFormat::HfClip);
  // The stale position_ids buffers are the only unused tensors; only the pixel statistics are new.
  EXPECT_EQ(report.unusedSources, (std::vector<std::string>{"text_model.embeddings.position_ids",
                                                            "vision_model.embeddings.position_ids"}));
  EXPECT_EQ(report.freshTargets, (std::vector<std::string>{"image.pixel_mean", "image.pixel_std"}));
  EXPECT_EQ(report.config.model.image.heads, 2);
  EXPECT_EQ(report.config.model.text.heads, 3);
  EXPECT_EQ(report.config.model.arch.activation, "quick_gelu");
  EXPECT_EQ(report.config.data.image_size, 32);
  EXPECT_EQ(report.config.model.patch_size, 8);

  model::import::ImportOptions heads;
  heads.imageHeads = 2;
  auto vit = model::import::importCheckpoint(source("torchvision-vit"), heads);
  ASSERT_TRUE(vit.ok()) << vit.error().message;
  EXPECT_TRUE(contains(vit->report.unusedSources, "heads.head.weight"));  // the ImageNet classifier
  EXPECT_TRUE(contains(vit->report.freshTargets, "text.token_embed.weight"));
  EXPECT_FALSE(contains(vit->report.freshTargets, "image.proj.weight"));  // the identity: embedding = feature
  EXPECT_TRUE(contains(vit->report.freshTargets, "text.proj.weight"));
  EXPECT_FALSE(contains(vit->report.freshTargets, "image.blocks.1.mlp.fc2.weight"));
  EXPECT_EQ(vit->report.config.model.arch.pixel_norm, "imagenet");
}

TEST_F(ImportTest, DryRunWritesNothing) {
  cli::ImportCliOptions options;
  options.source = source("open-clip");
  options.out = m_out.path("never");
  options.dryRun = true;
  EXPECT_EQ(cli::runImport(options), cli::kExitOk);
  EXPECT_FALSE(std::filesystem::exists(options.out));
}

TEST_F(ImportTest, ImportedClipUpcyclesToAnMoeThatComputesTheSameEmbeddings) {
  cli::ImportCliOptions options;
  options.source = source("hf-clip");
  options.out = m_out.path("dense");
  ASSERT_EQ(cli::runImport(options), cli::kExitOk);
  cli::UpcycleCliOptions upcycle;
  upcycle.from = options.out;
  upcycle.out = m_out.path("moe");
  upcycle.experts = 4;
  upcycle.topK = 1;
  upcycle.overrides = {"moe.capacity_factor_eval=0"};  // dropless: every token reaches its expert copy
  ASSERT_EQ(cli::runUpcycle(upcycle), cli::kExitOk);
  auto cfg = train::readCheckpointConfig(upcycle.out).value();
  EXPECT_TRUE(cfg.moe.enabled);
  EXPECT_EQ(cfg.model.arch.activation, "quick_gelu");  // the architecture travels with the upcycled model
  model::ClipModel moe(cfg);
  ASSERT_TRUE(train::loadCheckpoint(upcycle.out, *moe, nullptr, train::readTrainingState(upcycle.out).value()).ok());
  moe->eval();
  torch::NoGradGuard noGrad;
  EXPECT_LT(maxDifference(moe->encodeImages(expected("hf-clip", "pixels")), expected("hf-clip", "image")), 1e-4);
  EXPECT_LT(maxDifference(moe->encodeTexts(expected("hf-clip", "ids")), expected("hf-clip", "text")), 1e-4);
}
