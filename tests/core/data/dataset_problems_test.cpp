// Bad input, format by format: each planted defect is reported once, with file, record and
// field, and the good records still load.
#include <gtest/gtest.h>

#include <fstream>

#include "support/scratch_dir.h"
#include "vimoe/data/dataset_import.h"
#include "vimoe/data/validate.h"

namespace vimoe::data {
namespace {

const std::string kFixtures = VIMOE_TEST_FIXTURES;

struct Want {
  ProblemKind kind;
  std::string record, field, fragment;
};

void expectProblems(const Dataset& d, const std::vector<Want>& want) {
  std::string all;
  for (const auto& p : d.problems) all += p.toString() + "\n";
  ASSERT_EQ(d.problems.size(), want.size()) << all;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const DataProblem& p = d.problems[i];
    EXPECT_EQ(problemKindName(p.kind), std::string(problemKindName(want[i].kind))) << p.toString();
    EXPECT_EQ(p.record, want[i].record) << p.toString();
    EXPECT_EQ(p.field, want[i].field) << p.toString();
    EXPECT_NE(p.message.find(want[i].fragment), std::string::npos) << p.toString();
  }
}

TEST(DatasetProblems, PlantedDefectsFolderReportsExactlyThoseAndLoadsTheRest) {
  ValidateOptions options;
  auto d = validateDatasetPath(kFixtures + "/planted_defects", options);
  ASSERT_TRUE(d.ok()) << d.error().message;
  expectProblems(*d, {
                         {ProblemKind::MissingImage, "images[2]", "filename", "image file not found"},
                         {ProblemKind::DuplicateId, "images[5]", "id", "duplicate image id 1 (first at images[1])"},
                         {ProblemKind::EscapingPath, "images[6]", "filename", "leaves the image directory"},
                         {ProblemKind::EscapingPath, "images[7]", "filename", "leaves the image directory"},
                         {ProblemKind::EmptyText, "annotations[2]", "question", "empty question"},
                         {ProblemKind::DanglingImageId, "annotations[3]", "image_id", "image_id 99 matches no image"},
                         {ProblemKind::DuplicateId, "annotations[4]", "id", "duplicate question id 0"},
                         {ProblemKind::PlaceholderAnswer, "annotations[5]", "answers[0]", "never scored"},
                         {ProblemKind::InvalidUtf8, "annotations[6]", "question", "invalid UTF-8 at byte offset 13"},
                         {ProblemKind::MixedNormalisation, "annotations[1]", "question", "decomposed (NFD)"},
                         {ProblemKind::UnreadableImage, "images[3]", "filename", "truncated JPEG"},
                         {ProblemKind::UnreadableImage, "images[4]", "filename", "truncated PNG"},
                         {ProblemKind::UnreadableImage, "images[8]", "filename", "not a decodable image"},
                     });
  ASSERT_EQ(d->samples.size(), 2u);
  EXPECT_EQ(d->format, "viocrvqa");
  ASSERT_EQ(d->samples[0].qa.size(), 2u);
  EXPECT_FALSE(d->samples[0].qa[0].placeholder);
  EXPECT_TRUE(d->samples[0].qa[1].placeholder);  // kept, flagged, never scored
  EXPECT_TRUE(d->samples[0].qa[1].answers.empty());
  EXPECT_EQ(d->samples[1].qa[0].question, "quyển sách này có màu gì?");  // NFD in, NFC out
  const ProblemCounts counts = countProblems(d->problems);
  EXPECT_EQ(counts[std::size_t(ProblemKind::UnreadableImage)], 3u);
  EXPECT_EQ(counts[std::size_t(ProblemKind::EscapingPath)], 2u);
}

class BadFiles : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& text) { return m_dir.write(name, text); }
  test_support::ScratchDir m_dir;
};

TEST_F(BadFiles, OpenViVqaWrongTypesAndDanglingIds) {
  const auto file = write("open.json", R"({"images": {"1": "a.jpg", "2": 7},
    "annotations": {"10": {"image_id": 1, "question": "cái gì?", "answer": "con mèo"},
                    "11": {"image_id": 5, "question": "ở đâu?", "answer": "trên bàn"},
                    "12": {"image_id": 1, "question": 3, "answer": "x"},
                    "13": {"image_id": 1.5, "question": "a", "answer": "b"},
                    "14": ["not", "an", "object"]}})");
  ImportOptions options;
  options.checkImagesExist = false;
  auto d = importOpenViVqa(file, m_dir.path(), options);
  ASSERT_TRUE(d.ok()) << d.error().message;
  expectProblems(*d, {{ProblemKind::Malformed, "images[\"2\"]", "", "must be a string"},
                      {ProblemKind::DanglingImageId, "annotations[\"11\"]", "image_id", "image_id 5 matches no image"},
                      {ProblemKind::Malformed, "annotations[\"12\"]", "question", "must be a string"},
                      {ProblemKind::Malformed, "annotations[\"13\"]", "image_id", "integer or a non-empty string"},
                      {ProblemKind::Malformed, "annotations[\"14\"]", "", "must be an object"}});
  ASSERT_EQ(d->samples.size(), 1u);
  EXPECT_EQ(d->samples[0].qa.size(), 1u);
}

TEST_F(BadFiles, OpenViVqaListLayoutIsNamed) {
  auto d = importOpenViVqa(write("l.json", R"({"images": [], "annotations": []})"), m_dir.path(), {});
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("list layout"), std::string::npos);
}

TEST_F(BadFiles, VqaListAnswerSpellingsAndFileNames) {
  const auto file =
      write("e.json", R"({"images": [{"id": 1, "filename": "a.jpg"}, {"id": 2}, {"id": 3, "filename": "C:\\x.jpg"}],
    "annotations": [{"id": 1, "image_id": 1, "question": "màu gì?"},
                    {"id": 2, "image_id": 1, "question": "màu gì?", "answers": "đỏ"},
                    {"id": 3, "image_id": 1, "question": "màu gì?", "answers": []},
                    {"id": 4, "image_id": 1, "question": "màu gì?", "answer": "đỏ"}]})");
  ImportOptions options;
  options.checkImagesExist = false;
  auto d = importVqaList(file, "evjvqa", m_dir.path(), options);
  ASSERT_TRUE(d.ok()) << d.error().message;
  expectProblems(*d, {{ProblemKind::Malformed, "images[1]", "filename", "missing 'filename'"},
                      {ProblemKind::EscapingPath, "images[2]", "filename", "leaves the image directory"},
                      {ProblemKind::Malformed, "annotations[0]", "answer", "missing 'answer' (or 'answers' list)"},
                      {ProblemKind::Malformed, "annotations[1]", "answers", "must be a list"},
                      {ProblemKind::EmptyText, "annotations[2]", "answers", "empty answers list"}});
  ASSERT_EQ(d->samples.size(), 1u);
  EXPECT_EQ(d->samples[0].qa[0].answers[0], "đỏ");
}

TEST_F(BadFiles, ViVqaCsvRowsAndIndex) {
  write("index.json", R"({"images": [{"id": 9, "file_name": "COCO_train2014_000000000009.jpg"}]})");
  const auto csv = write("train.csv",
                         ",question,answer,img_id,type\n"
                         "0,màu gì,đỏ,9,2\n"
                         "1,bao nhiêu,hai,12345,1\n"
                         "2,ở đâu,trên bàn,abc,3\n"
                         "3,cái gì,con mèo,9\n"
                         "4,,con chó,9,0\n"
                         "5,cái gì,con chó,9,7\n"
                         "0,lại,lần nữa,9,0\n");
  ImportOptions options;
  options.checkImagesExist = false;
  auto d = importViVqa(csv, {m_dir.path("index.json")}, m_dir.path(), options);
  ASSERT_TRUE(d.ok()) << d.error().message;
  expectProblems(*d, {{ProblemKind::DanglingImageId, "line 3", "img_id", "img_id 12345 is in none"},
                      {ProblemKind::DanglingImageId, "line 4", "img_id", "must be a COCO image number"},
                      {ProblemKind::Malformed, "line 5", "", "4 cells, the header has 5"},
                      {ProblemKind::EmptyText, "line 6", "question", "empty question"},
                      {ProblemKind::Malformed, "line 7", "type", "unknown question type '7'"},
                      {ProblemKind::DuplicateId, "line 8", "id", "duplicate question id 0 (first at line 2)"}});
  ASSERT_EQ(d->samples.size(), 1u);
  EXPECT_EQ(d->samples[0].qa.size(), 2u);  // line 2 and line 7 (kept without a type)
}

TEST_F(BadFiles, ViVqaBrokenCsvAndHeaderAreErrors) {
  write("index.json", R"({"images": []})");
  EXPECT_FALSE(
      importViVqa(write("a.csv", ",question,answer\n0,a,b\n"), {m_dir.path("index.json")}, m_dir.path(), {}).ok());
  auto unterminated = importViVqa(write("b.csv", ",question,answer,img_id,type\n0,\"open,b,9,1\n"),
                                  {m_dir.path("index.json")}, m_dir.path(), {});
  ASSERT_FALSE(unterminated.ok());
  EXPECT_NE(unterminated.error().message.find("b.csv:2"), std::string::npos) << unterminated.error().message;
}

TEST_F(BadFiles, AmbiguousLayoutNamesTheCandidates) {
  const auto file = write("train.json", R"({"images": [{"id": 1, "filename": "a.jpg"}],
    "annotations": [{"id": 1, "image_id": 1, "question": "gì?", "answers": ["x"]}]})");
  auto format = detectFormat(file);
  ASSERT_FALSE(format.ok());
  EXPECT_NE(format.error().message.find("vitextvqa"), std::string::npos);
  EXPECT_NE(format.error().message.find("viocrvqa"), std::string::npos);
  EXPECT_NE(format.error().message.find("--format"), std::string::npos);
}

TEST_F(BadFiles, UnknownJsonAndMalformedJsonAreErrorsNotCrashes) {
  EXPECT_FALSE(detectFormat(write("x.json", R"({"hello": 1})")).ok());
  EXPECT_FALSE(detectFormat(write("y.json", "{\"images\": [")).ok());
  EXPECT_FALSE(detectFormat(write("z.csv", "a,b,c\n")).ok());
}

// Found by the importers fuzz target: json::value("generator", "") threw type_error here.
TEST_F(BadFiles, GeneratorOfAnotherTypeIsNotSyntheticAndDoesNotThrow) {
  const auto file = write("g.json", R"({"images": [], "annotations": [{"question": "q", "answer": "a"}],
                                        "info": {"generator": 5}})");
  const auto format = detectFormat(file);
  ASSERT_TRUE(format.ok()) << format.error().message;
  EXPECT_EQ(*format, "evjvqa");
}

TEST_F(BadFiles, NothingReadableIsAnError) {
  write("broken.json", "{not json");
  ValidateOptions options;
  EXPECT_FALSE(validateDatasetPath(m_dir.path(), options).ok());
  EXPECT_FALSE(validateDatasetPath(m_dir.path("absent"), options).ok());
}

TEST_F(BadFiles, AllNfdFileIsConsistentAndNotReported) {
  // "Hòa" decomposed everywhere: normalised silently, since nothing is mixed.
  const auto file = write("c.json",
                          "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\"}], \"annotations\": ["
                          "{\"image_id\": 1, \"caption\": \"Ho\xcc\x80"
                          "a b\xc3\xacnh\"}]}");
  ImportOptions options;
  options.checkImagesExist = false;
  auto d = importCocoCaptions(file, m_dir.path(), options);
  ASSERT_TRUE(d.ok());
  // "bình" is precomposed here, so the file is mixed after all: one problem.
  ASSERT_EQ(d->problems.size(), 1u);
  EXPECT_EQ(d->problems[0].kind, ProblemKind::MixedNormalisation);
  const auto pure = write("d.json",
                          "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\"}], \"annotations\": ["
                          "{\"image_id\": 1, \"caption\": \"Ho\xcc\x80"
                          "a\"}]}");
  auto e = importCocoCaptions(pure, m_dir.path(), options);
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->problems.empty());
  EXPECT_EQ(e->samples[0].captions[0], "Hòa");
}

}  // namespace
}  // namespace vimoe::data

namespace vimoe::data {
namespace {

TEST(ToneStyleOnImport, TextComesOutInTheChosenPlacement) {
  test_support::ScratchDir dir;
  const auto file = dir.write("t.json", R"({"images": [{"id": 1, "filename": "a.jpg"}],
    "annotations": [{"id": 1, "image_id": 1, "question": "hoà bình ở đâu?", "answers": ["thuý"]},
                    {"id": 2, "image_id": 1, "question": "hòa bình ở đâu?", "answers": ["thúy"]}]})");
  ImportOptions options;
  options.checkImagesExist = false;
  auto traditional = importVqaList(file, "vitextvqa", dir.path(), options);
  ASSERT_TRUE(traditional.ok());
  ASSERT_EQ(traditional->samples[0].qa.size(), 2u);
  for (const auto& q : traditional->samples[0].qa) {
    EXPECT_EQ(q.question, "hòa bình ở đâu?");
    EXPECT_EQ(q.answers[0], "thúy");
  }
  options.tone = text::ToneStyle::Modern;
  auto modern = importVqaList(file, "vitextvqa", dir.path(), options);
  ASSERT_TRUE(modern.ok());
  for (const auto& q : modern->samples[0].qa) EXPECT_EQ(q.question, "hoà bình ở đâu?");
  const auto coco = dir.write("c.json", R"({"images": [{"id": 1, "file_name": "a.jpg"}],
    "annotations": [{"image_id": 1, "caption": "Khoẻ như voi."}]})");
  auto captions = importCocoCaptions(coco, dir.path(), options);
  ASSERT_TRUE(captions.ok());
  EXPECT_EQ(captions->samples[0].captions[0], "Khoẻ như voi.");
  options.tone = text::ToneStyle::Traditional;
  EXPECT_EQ(importCocoCaptions(coco, dir.path(), options)->samples[0].captions[0], "Khỏe như voi.");
}

}  // namespace
}  // namespace vimoe::data

namespace vimoe::data {
namespace {

TEST(EmptyAnswers, AreReportedOnceAndTheQuestionIsDropped) {
  test_support::ScratchDir dir;
  const auto file = dir.write("e.json", R"({"images": [{"id": 1, "filename": "a.jpg"}],
    "annotations": [{"id": 1, "image_id": 1, "question": "màu gì?", "answer": " "},
                    {"id": 2, "image_id": 1, "question": "màu gì?", "answers": ["", "đỏ"]}]})");
  ImportOptions options;
  options.checkImagesExist = false;
  auto d = importVqaList(file, "evjvqa", dir.path(), options);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->problems.size(), 2u);
  EXPECT_EQ(d->problems[0].toString(), dir.path("e.json") + ": annotations[0].answer: empty answer");
  EXPECT_EQ(d->problems[1].field, "answers[0]");
  ASSERT_EQ(d->samples.size(), 1u);
  ASSERT_EQ(d->samples[0].qa.size(), 1u);
  EXPECT_EQ(d->samples[0].qa[0].answers, std::vector<std::string>{"đỏ"});
}

}  // namespace
}  // namespace vimoe::data
