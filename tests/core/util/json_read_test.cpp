// parseJson: every nlohmann failure becomes one message with file, line and column. Guards
// issue 21, where a number too large for a double escaped as out_of_range 406.
#include "vimoe/util/json_read.h"

#include <gtest/gtest.h>

namespace vimoe::test {
namespace {

TEST(JsonRead, ParsesAValidDocument) {
  const auto doc = parseJson("a.json", R"({"x": [1, 2.5, "t"]})");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ((*doc)["x"][1], 2.5);
}

TEST(JsonRead, SyntaxErrorNamesSourceLineAndColumn) {
  const auto doc = parseJson("a.json", "{\n  \"x\": 1,\n}");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().message,
            "a.json:3:1: invalid JSON: syntax error while parsing object key - unexpected '}'; expected string literal");
}

TEST(JsonRead, NumberTooLargeForADoubleIsAnErrorWithItsPosition) {
  const auto doc = parseJson("c.json", "{\"run\": {\n  \"steps\": 1e99999}}");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().message,
            "c.json:2:12: invalid JSON: the number 1e99999 is too large for a double (the largest is about 1.8e308); "
            "write a smaller number, or quote it as a string if it is an id");
  const auto negative = parseJson("n.json", "[-2e400]");
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().message.rfind("n.json:1:2: invalid JSON: the number -2e400 is too large", 0), 0u)
      << negative.error().message;
}

TEST(JsonRead, AVeryLongLiteralIsShortenedInTheMessage) {
  const auto doc = parseJson("l.json", "[" + std::string(400, '9') + "]");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.error().message.find("the number 9999"), std::string::npos) << doc.error().message;
  EXPECT_LT(doc.error().message.size(), 250u) << doc.error().message;
}

TEST(JsonRead, UnderflowAndHugeIntegersStillParse) {
  const auto doc = parseJson("u.json", "[1e-99999, 123456789012345678901234567890]");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ((*doc)[0].get<double>(), 0.0);
  EXPECT_TRUE((*doc)[1].is_number_float());
}

TEST(JsonRead, OverflowingNumbersSkipsStringsAndEscapedQuotes) {
  const std::string text = R"({"a\"1e999": "1e999", "b": 1e999, "c": [2, -1E+400, 1.5e308]})";
  const auto spans = overflowingNumbers(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].offset, spans[0].length), "1e999");
  EXPECT_EQ(spans[0].offset, text.find("1e999,"));
  EXPECT_EQ(text.substr(spans[1].offset, spans[1].length), "-1E+400");
}

TEST(JsonRead, LineColumnCountsFromOne) {
  EXPECT_EQ(jsonLineColumn("ab\ncd", 0), "1:1");
  EXPECT_EQ(jsonLineColumn("ab\ncd", 4), "2:2");
  EXPECT_EQ(jsonLineColumn("ab", 99), "1:3");
}

}  // namespace
}  // namespace vimoe::test
