#include "vimoe/data/coco_captions.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "vimoe/text/unicode.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::data {
namespace {

namespace fs = std::filesystem;

const std::string kBadDir = std::string(VIMOE_TEST_FIXTURES) + "/coco_bad";

Expected<CaptionDataset> loadBad(bool checkImagesExist = true) {
  return loadCocoCaptions(kBadDir + "/captions.json", kBadDir + "/images", checkImagesExist);
}

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The golden file holds DataProblem::toString() per line, with the fixture folder (which
// depends on the checkout) written as "coco_bad".
std::string problemLines(const CaptionDataset& dataset) {
  std::string lines;
  for (const DataProblem& problem : dataset.problems) {
    std::string line = problem.toString();
    for (std::size_t pos = line.find(kBadDir); pos != std::string::npos; pos = line.find(kBadDir, pos)) {
      line.replace(pos, kBadDir.size(), "coco_bad");
    }
    lines += line + "\n";
  }
  return lines;
}

struct ExpectedProblem {
  std::string record, field, fragment;
};

TEST(CocoCaptions, GoldenBadRecordsAreReportedOneByOne) {
  const auto dataset = loadBad();
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  const std::vector<ExpectedProblem> expected = {
      {"images[2]", "id", "missing 'id'"},
      {"images[3]", "id", "must be an integer"},
      {"images[4]", "file_name", "'filename'"},
      {"images[5]", "file_name", "leaves the image directory"},
      {"images[6]", "file_name", "leaves the image directory"},
      {"images[7]", "id", "duplicate image id 2 (first at images[1])"},
      {"images[8]", "file_name", "image file not found"},
      {"images[10]", "id", "must be an integer"},
      {"annotations[3]", "image_id", "image_id 99 matches no image"},
      {"annotations[4]", "caption", "empty caption"},
      {"annotations[5]", "caption", "empty caption"},
      {"annotations[6]", "caption", "invalid UTF-8 at byte offset 4"},
      {"annotations[7]", "caption", "missing 'caption'"},
      {"annotations[8]", "image_id", "missing 'image_id'"},
      {"annotations[10]", "image_id", "must be an integer"},
      {"images[9]", "id", "no annotation refers to image 10"},
      {"annotations[1]", "caption", "decomposed (NFD) while the rest of the file is NFC"},
  };
  ASSERT_EQ(dataset->problems.size(), expected.size()) << problemLines(*dataset);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const DataProblem& problem = dataset->problems[i];
    EXPECT_EQ(problem.file, kBadDir + "/captions.json");
    EXPECT_EQ(problem.record, expected[i].record) << i;
    EXPECT_EQ(problem.field, expected[i].field) << problem.toString();
    EXPECT_NE(problem.message.find(expected[i].fragment), std::string::npos) << problem.toString();
  }
  EXPECT_EQ(problemLines(*dataset), readText(kBadDir + "/expected_problems.txt"));
}

// A caption id used twice (a record pasted twice) is reported at the repeat, naming the first.
TEST(CocoCaptions, DuplicateAnnotationIdsAreReported) {
  char pattern[] = "/tmp/vimoe_coco_dup_XXXXXX";
  ASSERT_NE(::mkdtemp(pattern), nullptr);
  const std::string dir = pattern;
  ASSERT_TRUE(writeFileAtomically(dir + "/captions.json", R"({
    "images": [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "b.png"}],
    "annotations": [{"id": 10, "image_id": 1, "caption": "Một con mèo."},
                    {"id": 11, "image_id": 2, "caption": "Hai con chó."},
                    {"id": 10, "image_id": 2, "caption": "Hai con chó."}]
  })").ok());
  const auto dataset = loadCocoCaptions(dir + "/captions.json", dir, /*checkImagesExist=*/false);
  fs::remove_all(dir);
  ASSERT_TRUE(dataset.ok()) << dataset.error().message;
  ASSERT_EQ(dataset->problems.size(), 1u);
  EXPECT_EQ(dataset->problems[0].kind, ProblemKind::DuplicateId);
  EXPECT_EQ(dataset->problems[0].record, "annotations[2]");
  EXPECT_EQ(dataset->problems[0].field, "id");
  EXPECT_EQ(dataset->problems[0].message, "duplicate annotation id 10 (first at annotations[0]); the caption is kept");
  EXPECT_EQ(dataset->images[1].captions.size(), 2u);
}

TEST(CocoCaptions, GoodRecordsOfABadFileLoad) {
  const auto dataset = loadBad();
  ASSERT_TRUE(dataset.ok());
  ASSERT_EQ(dataset->images.size(), 2u);
  const CaptionImage& first = dataset->images[0];
  EXPECT_EQ(first.id, 1);
  EXPECT_EQ(first.fileName, "ok1.png");
  EXPECT_EQ(first.imagePath, kBadDir + "/images/ok1.png");
  ASSERT_EQ(first.captions.size(), 2u);
  EXPECT_EQ(first.captions[0], "Một hình tròn màu đỏ nhỏ ở góc trên bên trái.");
  // Stored decomposed in the file, loaded composed.
  EXPECT_EQ(first.captions[1], "Hai ngôi sao màu vàng lớn ở giữa bức ảnh.");
  EXPECT_TRUE(text::isNfc(first.captions[1]));
  EXPECT_EQ(dataset->images[1].id, 2);
  EXPECT_EQ(dataset->images[1].captions, (std::vector<std::string>{"Bức ảnh có ba hình vuông màu xanh dương nhỏ."}));
}

TEST(CocoCaptions, RealDatasetsHaveNoDomain) {
  const auto dataset = loadBad();
  ASSERT_TRUE(dataset.ok());
  for (const CaptionImage& image : dataset->images) EXPECT_EQ(image.domain, "") << image.fileName;
}

TEST(CocoCaptions, WithoutTheImageCheckMissingFilesStillLoad) {
  const auto dataset = loadBad(/*checkImagesExist=*/false);
  ASSERT_TRUE(dataset.ok());
  ASSERT_EQ(dataset->images.size(), 3u);
  EXPECT_EQ(dataset->images[2].id, 9);
  EXPECT_EQ(dataset->images[2].fileName, "missing.png");
  for (const DataProblem& problem : dataset->problems) EXPECT_NE(problem.record, "images[8]");
}

TEST(CocoCaptions, ProblemToStringNamesFileRecordAndField) {
  const DataProblem problem{"a.json", "annotations[12]", "caption", "empty caption"};
  EXPECT_EQ(problem.toString(), "a.json: annotations[12].caption: empty caption");
  EXPECT_EQ((DataProblem{"a.json", "images[1]", "", "must be an object"}).toString(),
            "a.json: images[1]: must be an object");
}

class CocoCaptionsErrorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("vimoe-coco-" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }
  std::string write(const std::string& name, const std::string& contents) {
    const std::string path = (m_dir / name).string();
    EXPECT_TRUE(writeFileAtomically(path, contents).ok());
    return path;
  }
  fs::path m_dir;
};

TEST_F(CocoCaptionsErrorTest, MissingFileIsAnErrorNamingIt) {
  const std::string path = (m_dir / "absent.json").string();
  const auto loaded = loadCocoCaptions(path, m_dir.string());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find(path), std::string::npos);
}

TEST_F(CocoCaptionsErrorTest, MalformedJsonIsAnErrorWithItsPosition) {
  const std::string path = write("bad.json", "{\"images\": [\n  {\"id\": 1,}\n]}");
  const auto loaded = loadCocoCaptions(path, m_dir.string());
  ASSERT_FALSE(loaded.ok());
  // The same "file:line:column: invalid JSON:" form as configs and score files.
  EXPECT_EQ(loaded.error().message.rfind(path + ":2:12: invalid JSON: syntax error", 0), 0u) << loaded.error().message;
}

TEST_F(CocoCaptionsErrorTest, FileWithoutImagesArrayIsAnError) {
  EXPECT_FALSE(loadCocoCaptions(write("a.json", "{\"annotations\": []}"), m_dir.string()).ok());
  EXPECT_FALSE(loadCocoCaptions(write("b.json", "{\"images\": {\"1\": \"x.png\"}}"), m_dir.string()).ok());
  EXPECT_FALSE(loadCocoCaptions(write("c.json", "[1, 2]"), m_dir.string()).ok());
}

TEST_F(CocoCaptionsErrorTest, MissingAnnotationsArrayIsAProblemNotAnError) {
  const auto loaded = loadCocoCaptions(write("a.json", "{\"images\": []}"), m_dir.string());
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->images.empty());
  ASSERT_EQ(loaded->problems.size(), 1u);
  EXPECT_EQ(loaded->problems[0].field, "annotations");
}

TEST_F(CocoCaptionsErrorTest, DomainFieldIsReadAndANonStringDomainIsAProblem) {
  std::ofstream(m_dir / "a.png") << "x";  // existence is all the loader checks
  const auto loaded = loadCocoCaptions(
      write("d.json",
            R"({"images": [{"id": 1, "file_name": "a.png", "domain": "digits_clocks"},
                           {"id": 2, "file_name": "a.png", "domain": 3}],
                "annotations": [{"image_id": 1, "caption": "Đồng hồ chỉ ba giờ."},
                                {"image_id": 2, "caption": "x"}]})"),
      m_dir.string());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_EQ(loaded->images.size(), 1u);
  EXPECT_EQ(loaded->images[0].domain, "digits_clocks");
  // Its caption is skipped with it, not reported a second time.
  ASSERT_EQ(loaded->problems.size(), 1u);
  EXPECT_EQ(loaded->problems[0].record, "images[1]");
  EXPECT_EQ(loaded->problems[0].field, "domain");
}

}  // namespace
}  // namespace vimoe::data
