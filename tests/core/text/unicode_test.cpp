#include "vimoe/text/unicode.h"

#include <gtest/gtest.h>

namespace vimoe::text {
namespace {

// "Tiếng Việt" written decomposed: e + U+0302 + U+0301, e + U+0323 + U+0302.
const std::string kTiengVietNfd = "Tie\xCC\x82\xCC\x81ng Vie\xCC\xA3\xCC\x82t";
// The same text precomposed: U+1EBF (ế) and U+1EC7 (ệ).
const std::string kTiengVietNfc = "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t";

TEST(Unicode, NfdVietnameseComposesToNfcBytes) {
  const auto nfc = toNfc(kTiengVietNfd);
  ASSERT_TRUE(nfc.ok()) << nfc.error().message;
  EXPECT_EQ(*nfc, kTiengVietNfc);
  EXPECT_EQ(nfc->size(), 14u);
}

TEST(Unicode, NfcIsUnchangedAndDetected) {
  EXPECT_EQ(*toNfc(kTiengVietNfc), kTiengVietNfc);
  EXPECT_TRUE(isNfc(kTiengVietNfc));
  EXPECT_FALSE(isNfc(kTiengVietNfd));
  EXPECT_TRUE(isNfc(""));
  EXPECT_EQ(*toNfc(""), "");
}

// Guards the choice of NFC over NFKC: compatibility characters must survive.
TEST(Unicode, CompatibilityCharactersAreKept) {
  const std::string ligature = "\xEF\xAC\x81";  // U+FB01 LATIN SMALL LIGATURE FI
  EXPECT_EQ(*toNfc(ligature), ligature);
}

TEST(Unicode, InvalidUtf8IsRejectedWithByteOffset) {
  const auto bad = toNfc(
      "ab\xFF"
      "cd");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("offset 2"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(isValidUtf8("ab\xFF"));
  EXPECT_FALSE(isNfc("ab\xFF"));
}

TEST(Unicode, OverlongTruncatedAndSurrogateSequencesAreInvalid) {
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(isValidUtf8("Vi\xE1\xBB"));    // ệ cut short
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));  // U+D800 surrogate
  EXPECT_TRUE(isValidUtf8(kTiengVietNfd));
  const auto truncated = toNfc("Vi\xE1\xBB");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.error().message.find("offset 2"), std::string::npos);
}

TEST(Unicode, LossyNormalisationReplacesInvalidBytes) {
  EXPECT_EQ(toNfcReplacingInvalid("a\xFF"
                                  "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(toNfcReplacingInvalid(kTiengVietNfd), kTiengVietNfc);
}

}  // namespace
}  // namespace vimoe::text
