// Each dataset laid out as its release ships it (images in train2017/, training-images/,
// images/ beside data/ ...), imported with no image folder given: every image is found there.
// The fixtures' records are reused; only the folders around them change.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/scratch_dir.h"
#include "vimoe/data/dataset_import.h"

namespace vimoe::data {
namespace {

namespace fs = std::filesystem;

struct Layout {
  std::string fixture;                  // tests/fixtures/<fixture>
  std::vector<std::string> annotations; // copied to the same relative place
  std::string imageFolder;              // where the fixture's images/ go, relative to the root
  std::string annotationFolder;         // where the spec reads the files from ("" = root)
};

void expectImagesFoundWithoutBeingNamed(const Layout& layout) {
  SCOPED_TRACE(layout.fixture);
  test_support::ScratchDir dir;
  const fs::path source = fs::path(VIMOE_TEST_FIXTURES) / layout.fixture;
  const fs::path root = dir.path(layout.fixture);
  for (const auto& file : layout.annotations) {
    fs::create_directories((root / file).parent_path());
    fs::copy_file(source / file, root / file);
  }
  fs::create_directories(root / layout.imageFolder);
  fs::copy(source / "images", root / layout.imageFolder, fs::copy_options::recursive);

  DatasetSpec spec;
  spec.root = (root / layout.annotationFolder).string();
  for (const auto& file : layout.annotations)
    if (fs::path(file).extension() != ".json" || layout.fixture != "vivqa") spec.files.push_back(fs::relative(root / file, spec.root).string());
  if (layout.fixture == "vivqa") {  // the CSV is the data; the COCO-2014 JSON files map its img_id
    spec.format = "vivqa";
    spec.imageIndex = {"captions_train2014.json", "captions_val2014.json"};
  }
  const auto dataset = importDataset(spec, ImportOptions{});
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  ASSERT_FALSE(dataset->samples.empty());
  for (const auto& problem : dataset->problems) EXPECT_NE(problem.kind, ProblemKind::MissingImage) << problem.toString();
  const std::string expected = (root / layout.imageFolder).lexically_normal().string();
  for (const auto& sample : dataset->samples) {
    EXPECT_TRUE(fs::is_regular_file(sample.imagePath)) << sample.imagePath;
    EXPECT_EQ(sample.imagePath.rfind(expected, 0), 0u) << sample.imagePath << " not under " << expected;
  }
}

// One test, not a parameterised one: ctest's discovered names stay readable.
TEST(PublishedLayout, ImagesAreFoundWithoutBeingNamedInEveryRelease) {
  for (const Layout& layout : {Layout{"uitviic", {"uitviic_captions_train2017.json"}, "train2017", ""},
                               Layout{"ktvic", {"train_data.json"}, "train2014", ""},
                               Layout{"vivqa", {"train.csv", "captions_train2014.json", "captions_val2014.json"}, "", ""},
                               Layout{"openvivqa", {"vlsp2023_train_data.json"}, "training-images", ""},
                               Layout{"evjvqa", {"evjvqa_train.json"}, "training-images", ""},
                               Layout{"vitextvqa", {"ViTextVQA_train.json"}, "images", ""},
                               Layout{"viocrvqa", {"data/train.json"}, "images", "data"}})
    expectImagesFoundWithoutBeingNamed(layout);
}

}  // namespace
}  // namespace vimoe::data
