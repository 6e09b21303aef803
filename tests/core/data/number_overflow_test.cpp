// Regression tests for issue 21: a number literal too large for a double (11E155550000) made
// nlohmann throw out_of_range 406 from the importers, and nothing caught it. Now a record
// holding one is a problem of that record, and the good rest of the file still loads.
#include <gtest/gtest.h>

#include <string>

#include "support/scratch_dir.h"
#include "vimoe/data/dataset_import.h"

namespace vimoe::data {
namespace {

ImportOptions withoutImages() {
  ImportOptions options;
  options.checkImagesExist = false;
  return options;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The input the importer fuzz target aborted on (base64 MTFFMTU1NTUwMDAwYZf1gp6W9UE=), through
// the same calls the harness makes.
TEST(NumberOverflow, FuzzCrashInputIsAnErrorWithPosition) {
  test_support::ScratchDir dir;
  const std::string input("11E155550000a\x97\xf5\x82\x9e\x96\xf5\x41", 20);
  const std::string file = dir.write("input.json", input);
  const auto format = detectFormat(file);
  ASSERT_FALSE(format.ok());
  EXPECT_EQ(format.error().message.rfind(file + ":1:1: invalid JSON: the number 11E155550000 is too large", 0), 0u)
      << format.error().message;
  for (const auto& result : {importCocoCaptions(file, dir.path(), withoutImages()),
                             importOpenViVqa(file, dir.path(), withoutImages()),
                             importVqaList(file, "viocrvqa", dir.path(), withoutImages())}) {
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(contains(result.error().message, "too large for a double")) << result.error().message;
  }
}

TEST(NumberOverflow, CaptionIdTooLargeIsAProblemOfItsRecord) {
  test_support::ScratchDir dir;
  const std::string file = dir.write("captions.json", R"({"images": [
  {"id": 11E155550000, "file_name": "a.jpg"},
  {"id": 2, "file_name": "b.jpg"}],
 "annotations": [{"image_id": 2, "caption": "một con mèo"},
                 {"image_id": -1e400, "caption": "x"}]})");
  auto d = importCocoCaptions(file, dir.path(), withoutImages());
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ(d->problems.size(), 2u);
  EXPECT_EQ(d->problems[0].toString(),
            file + ": images[0].id: 'id' at 2:10 is 11E155550000, a number too large for a double (the largest is "
                   "about 1.8e308); ids must be integers");
  EXPECT_EQ(d->problems[1].record, "annotations[1]");
  EXPECT_EQ(d->problems[1].field, "image_id");
  EXPECT_TRUE(contains(d->problems[1].message, "'image_id' at 5:31 is -1e400, a number too large")) << d->problems[1].message;
  ASSERT_EQ(d->samples.size(), 1u);
  EXPECT_EQ(d->samples[0].imageId, "2");
  EXPECT_EQ(d->samples[0].captions, std::vector<std::string>{"một con mèo"});
}

TEST(NumberOverflow, VqaQuestionIdTooLargeDropsOnlyThatQuestion) {
  test_support::ScratchDir dir;
  const std::string file = dir.write("e.json", R"({"images": [{"id": 1, "filename": "a.jpg"}],
    "annotations": [{"id": 1e309, "image_id": 1, "question": "màu gì?", "answer": "đỏ"},
                    {"id": 2, "image_id": 1, "question": "ở đâu?", "answer": "trên bàn"}]})");
  auto d = importVqaList(file, "evjvqa", dir.path(), withoutImages());
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ(d->problems.size(), 1u);
  EXPECT_EQ(d->problems[0].record, "annotations[0]");
  EXPECT_EQ(d->problems[0].field, "id");
  EXPECT_TRUE(contains(d->problems[0].message, "'id' at 2:28 is 1e309, a number too large")) << d->problems[0].message;
  ASSERT_EQ(d->samples.size(), 1u);
  ASSERT_EQ(d->samples[0].qa.size(), 1u);
  EXPECT_EQ(d->samples[0].qa[0].question, "ở đâu?");
}

// Digits inside strings are not numbers, and a file that also has a syntax error keeps the
// first error's position rather than one shifted by the markers.
TEST(NumberOverflow, StringsAreLeftAloneAndOtherErrorsStillReported) {
  test_support::ScratchDir dir;
  const std::string quoted = dir.write("q.json", R"({"images": [{"id": 1, "file_name": "1e999\"1e999.jpg"},
                {"id": 1e999, "file_name": "c.jpg"}],
    "annotations": [{"image_id": 1, "caption": "1e99999"}]})");
  auto d = importCocoCaptions(quoted, dir.path(), withoutImages());
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ(d->problems.size(), 1u);
  EXPECT_EQ(d->problems[0].record, "images[1]");
  EXPECT_EQ(d->samples[0].fileName, "1e999\"1e999.jpg");
  ASSERT_EQ(d->samples.size(), 1u);
  EXPECT_EQ(d->samples[0].captions, std::vector<std::string>{"1e99999"});

  const std::string broken = dir.write("b.json", "{\"images\": [{\"id\": 1e999}],\n \"annotations\": [,]}");
  auto e = importCocoCaptions(broken, dir.path(), withoutImages());
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message.rfind(broken + ":1:20: invalid JSON: the number 1e999 is too large", 0), 0u)
      << e.error().message;
}

}  // namespace
}  // namespace vimoe::data
