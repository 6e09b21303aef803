#include "vimoe/data/dataset_stats.h"

#include <gtest/gtest.h>

namespace vimoe::data {
namespace {

TEST(DatasetStats, CountsSyllablesTypesDomainsAndAnswers) {
  Dataset d;
  Sample a;
  a.domain = "shapes";
  a.captions = {"Một hình tròn màu đỏ.", "Hình tròn đỏ, nhỏ."};
  a.qa = {QaPair{"", "Hình gì?", {"hình tròn"}, "shape", "vi", false},
          QaPair{"", "Màu gì?", {"đỏ"}, "colour", "vi", false}};
  Sample b;
  b.domain = "";
  b.captions = {"phụ_nữ hoà"};
  b.qa = {QaPair{"", "Màu gì?", {"Đỏ"}, "colour", "vi", false}, QaPair{"", "what?", {}, "", "en", true}};
  d.samples = {a, b};
  const DatasetStats st = computeStats(d);
  EXPECT_EQ(st.images, 2u);
  EXPECT_EQ(st.captions, 3u);
  EXPECT_EQ(st.questions, 4u);
  EXPECT_EQ(st.placeholderQuestions, 1u);
  EXPECT_EQ(st.captionLengths.at(5), 1u);  // một hình tròn màu đỏ
  EXPECT_EQ(st.captionLengths.at(4), 1u);  // hình tròn đỏ nhỏ
  EXPECT_EQ(st.captionLengths.at(3), 1u);  // phụ nữ hòa: segmented word joined
  // một hình tròn màu đỏ nhỏ phụ nữ hòa gì what
  EXPECT_EQ(st.vocabulary, 11u);
  EXPECT_EQ(st.questionTypes.at("colour"), 2u);
  EXPECT_EQ(st.questionTypes.at("(none)"), 1u);
  EXPECT_EQ(st.domains.at("shapes"), 1u);
  EXPECT_EQ(st.domains.at("(none)"), 1u);
  EXPECT_EQ(st.languages.at("en"), 1u);
  ASSERT_FALSE(st.topAnswers.empty());
  EXPECT_EQ(st.topAnswers[0], (std::pair<std::string, std::size_t>{"đỏ", 2}));  // "Đỏ" counted with "đỏ"
  const std::string report = formatStats(st);
  EXPECT_NE(report.find("vocabulary: 11 distinct syllables"), std::string::npos) << report;
  EXPECT_NE(report.find("colour: 2"), std::string::npos);
}

}  // namespace
}  // namespace vimoe::data
