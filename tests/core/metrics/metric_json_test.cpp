// The `vimoe score` input files: accepted shapes, and messages that name file, record and field.
#include "vimoe/metrics/metric_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/scratch_dir.h"

namespace vimoe::metrics {
namespace {

using test_support::ScratchDir;

TEST(MetricJson, ReadsCaptionFilesWithStringAndNumberIds) {
  ScratchDir dir;
  const auto preds = readCaptionPredictions(
      dir.write("preds.json", R"([{"id": 7, "text": "con mèo"}, {"id": "b", "text": "", "image": "x.png"}])"));
  ASSERT_TRUE(preds.ok()) << preds.error().message;
  ASSERT_EQ(preds->size(), 2u);
  EXPECT_EQ((*preds)[0].id, "7");
  EXPECT_EQ((*preds)[0].text, "con mèo");
  EXPECT_EQ((*preds)[1].text, "");
  const auto refs = readCaptionReferences(dir.write("refs.json", R"([{"id": "7", "texts": ["a", "b"]}])"));
  ASSERT_TRUE(refs.ok()) << refs.error().message;
  EXPECT_EQ((*refs)[0].id, "7");
  EXPECT_EQ((*refs)[0].texts.size(), 2u);
}

TEST(MetricJson, ReadsVqaFilesWithTheirAlternativeFieldNames) {
  ScratchDir dir;
  const auto preds =
      readVqaPredictions(dir.write("p.json", R"([{"id": 1, "answer": "đỏ"}, {"id": 2, "text": "xanh"}])"));
  ASSERT_TRUE(preds.ok()) << preds.error().message;
  EXPECT_EQ((*preds)[1].answer, "xanh");
  const auto refs = readVqaReferences(dir.write(
      "r.json",
      R"([{"id": 1, "answers": ["đỏ"], "type": "color"}, {"id": 2, "texts": ["xanh"]}, {"id": 3, "answer": "ba", "type": null}])"));
  ASSERT_TRUE(refs.ok()) << refs.error().message;
  EXPECT_EQ((*refs)[0].type, "color");
  EXPECT_EQ((*refs)[1].answers, std::vector<std::string>{"xanh"});
  EXPECT_EQ((*refs)[2].answers, std::vector<std::string>{"ba"});
  EXPECT_EQ((*refs)[2].type, "");
}

TEST(MetricJson, BadRecordsNameFileRecordAndField) {
  ScratchDir dir;
  const std::string preds = dir.write("preds.json", R"([{"id": 1, "text": "a"}, {"id": 2, "text": 5}])");
  auto r = readCaptionPredictions(preds);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, preds + ": record 1 (id '2'): field 'text' must be a string, found number");

  const std::string refs = dir.write("refs.json", R"([{"id": "a", "texts": []}, {"texts": ["x"]}])");
  auto e = readCaptionReferences(refs);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message,
            refs + ": record 0 (id 'a'): field 'texts' is an empty list: give at least one reference");
  auto noId = readCaptionReferences(dir.write("noid.json", R"([{"texts": ["x"]}])"));
  ASSERT_FALSE(noId.ok());
  EXPECT_NE(noId.error().message.find("noid.json: record 0: missing field 'id'"), std::string::npos);
  auto badItem = readCaptionReferences(dir.write("item.json", R"([{"id": "a", "texts": ["x", null]}])"));
  ASSERT_FALSE(badItem.ok());
  EXPECT_NE(badItem.error().message.find("record 0 (id 'a'): field 'texts[1]' must be a string, found null"),
            std::string::npos);
  auto noAnswer = readVqaReferences(dir.write("vqa.json", R"([{"id": "q"}])"));
  ASSERT_FALSE(noAnswer.ok());
  EXPECT_NE(noAnswer.error().message.find("record 0 (id 'q'): missing field 'answers' (or 'texts') (or 'answer')"),
            std::string::npos);
  auto floatId = readVqaPredictions(dir.write("f.json", R"([{"id": 1.5, "answer": "x"}])"));
  ASSERT_FALSE(floatId.ok());
  EXPECT_NE(floatId.error().message.find("field 'id' must be a string or an integer"), std::string::npos);
}

TEST(MetricJson, DuplicateIdsNameBothRecords) {
  ScratchDir dir;
  auto r = readVqaPredictions(
      dir.write("p.json", R"([{"id": 1, "answer": "a"}, {"id": "2", "answer": "b"}, {"id": "1", "answer": "c"}])"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("p.json: record 2: id '1' already used by record 0"), std::string::npos)
      << r.error().message;
}

TEST(MetricJson, UnreadableAndMalformedFilesAreReportedWithAPosition) {
  ScratchDir dir;
  auto missing = readCaptionPredictions(dir.path("nope.json"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("nope.json: cannot read the file"), std::string::npos);
  auto malformed =
      readCaptionPredictions(dir.write("bad.json", "[\n  {\"id\": 1, \"text\": \"a\"},\n  {\"id\": 2,]\n"));
  ASSERT_FALSE(malformed.ok());
  EXPECT_NE(malformed.error().message.find("bad.json:3:"), std::string::npos) << malformed.error().message;
  EXPECT_NE(malformed.error().message.find("invalid JSON"), std::string::npos);
  auto object = readCaptionPredictions(dir.write("obj.json", R"({"id": 1})"));
  ASSERT_FALSE(object.ok());
  EXPECT_NE(object.error().message.find("expected a JSON list of records"), std::string::npos);
}

// Issue 21: nlohmann throws out_of_range (not parse_error) for a number too large for a double.
TEST(MetricJson, NumberTooLargeForADoubleIsReportedWithAPosition) {
  ScratchDir dir;
  const std::string path = dir.write("preds.json", "[\n  {\"id\": 1, \"text\": \"a\"},\n  {\"id\": 11E155550000, \"text\": \"b\"}]");
  auto r = readCaptionPredictions(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind(path + ":3:10: invalid JSON: the number 11E155550000 is too large for a double", 0), 0u)
      << r.error().message;
}

TEST(MetricJson, ScoresAreWrittenWithTheirTokenisationAndOptionalRows) {
  CaptionScores c;
  c.bleu[3] = 0.25;
  c.ciderD = 1.5;
  c.tokenization = "syllables";
  c.samples = 1;
  c.perSample = {{"img1", 0.3, 0.4, 1.5}};
  const auto brief = captionScoresJson(c, false);
  EXPECT_EQ(brief["tokenization"], "syllables");
  EXPECT_EQ(brief["bleu_4"], 0.25);
  EXPECT_EQ(brief["cider_d"], 1.5);
  EXPECT_FALSE(brief.contains("per_sample"));
  const auto full = captionScoresJson(c, true);
  ASSERT_EQ(full["per_sample"].size(), 1u);
  EXPECT_EQ(full["per_sample"][0]["id"], "img1");
  EXPECT_EQ(full["per_sample"][0]["rouge_l"], 0.4);

  VqaScores v;
  v.exactMatch = 0.5;
  v.tokenization = "segmented_words";
  v.samples = 2;
  v.byType = {{"color", 2, 0.5, 0.75}};
  v.perSample = {{"q1", "color", 1, 1}, {"q2", "color", 0, 0.5}};
  const auto vj = vqaScoresJson(v, true);
  EXPECT_EQ(vj["task"], "vqa");
  EXPECT_EQ(vj["by_type"][0]["type"], "color");
  EXPECT_EQ(vj["by_type"][0]["f1"], 0.75);
  EXPECT_EQ(vj["per_sample"][1]["f1"], 0.5);
}

}  // namespace
}  // namespace vimoe::metrics
