#include "vimoe/text/vietnamese.h"

#include <gtest/gtest.h>

#include "vimoe/text/detokenize.h"
#include "vimoe/text/unicode.h"

namespace vimoe::text {
namespace {

TEST(Vietnamese, NfdInputComesOutNfc) {
  const std::string nfd = "Ng\x75\xcc\x9b\xc6\xa1\xcc\x80i";  // "Người" with u + horn decomposed
  const std::string out = normalizeVietnamese(toNfd("Người Việt"), {ToneStyle::Keep});
  EXPECT_EQ(out, "Người Việt");
  EXPECT_TRUE(isNfc(out));
  EXPECT_EQ(normalizeVietnamese(nfd, {ToneStyle::Keep}), "Người");
}

TEST(Vietnamese, ToneStylesMoveTheMarkOnlyInOpenOaOeUy) {
  const std::vector<std::pair<std::string, std::string>> pairs = {// traditional, modern
                                                                  {"hòa", "hoà"}, {"thúy", "thuý"}, {"khỏe", "khoẻ"},
                                                                  {"Hóa", "Hoá"}, {"HÒA", "HOÀ"},   {"lũy", "luỹ"},
                                                                  {"tọa", "toạ"}};
  for (const auto& [traditional, modern] : pairs) {
    EXPECT_EQ(applyToneStyle(modern, ToneStyle::Traditional), traditional) << modern;
    EXPECT_EQ(applyToneStyle(traditional, ToneStyle::Modern), modern) << traditional;
    EXPECT_EQ(applyToneStyle(traditional, ToneStyle::Traditional), traditional);
    EXPECT_EQ(applyToneStyle(toNfd(modern), ToneStyle::Traditional), traditional) << "NFD " << modern;
  }
}

TEST(Vietnamese, SyllablesOutsideTheRuleAreUntouched) {
  for (const std::string word : {"hoàng", "quý", "quà", "thuyền", "khuya", "toán", "người", "hoạt", "giữa", "xoay"}) {
    EXPECT_EQ(applyToneStyle(word, ToneStyle::Traditional), word) << word;
    EXPECT_EQ(applyToneStyle(word, ToneStyle::Modern), word) << word;
  }
  EXPECT_EQ(applyToneStyle("Hòa Bình, thủy điện", ToneStyle::Modern), "Hoà Bình, thuỷ điện");
}

TEST(Vietnamese, SegmentedWordsLowercaseAndPunctuation) {
  NormalizeOptions o;
  o.joinSegmentedWords = true;
  EXPECT_EQ(normalizeVietnamese("một người phụ_nữ đang bán trái_cây", o), "một người phụ nữ đang bán trái cây");
  o.lowercase = true;
  o.stripPunctuation = true;
  EXPECT_EQ(normalizeVietnamese("  Đây là QUÁN cà phê, phải không?  ", o), "đây là quán cà phê phải không");
  NormalizeOptions keep;
  EXPECT_EQ(normalizeVietnamese("phụ_nữ  đẹp", keep), "phụ_nữ đẹp");
}

TEST(Vietnamese, FoldingRemovesEveryDiacriticAndFoldsD) {
  EXPECT_EQ(foldDiacritics("Người"), "nguoi");
  EXPECT_EQ(foldDiacritics("Đường phố Hà Nội"), "duong pho ha noi");
  EXPECT_EQ(foldDiacritics("đ Đ"), "d d");
  EXPECT_EQ(foldDiacritics(toNfd("thuỷ điện")), "thuy dien");
  EXPECT_EQ(foldDiacritics("hòa"), foldDiacritics("hoà"));
}

TEST(Vietnamese, InvalidBytesDoNotFail) {
  EXPECT_EQ(normalizeVietnamese("a\xff"
                                "b",
                                {}),
            "a\xef\xbf\xbd"
            "b");
  EXPECT_EQ(foldDiacritics("\xff"), "\xef\xbf\xbd");
}

TEST(Vietnamese, ToneStyleNames) {
  ToneStyle s = ToneStyle::Keep;
  EXPECT_TRUE(parseToneStyle("modern", s));
  EXPECT_EQ(s, ToneStyle::Modern);
  EXPECT_FALSE(parseToneStyle("new", s));
}

}  // namespace
}  // namespace vimoe::text

TEST(Detokenize, TidiesGeneratedVietnamese) {
  using vimoe::text::tidyGeneratedText;
  EXPECT_EQ(tidyGeneratedText("một con mèo ."), "Một con mèo.");
  EXPECT_EQ(tidyGeneratedText("  đường phố , xe máy  ?"), "Đường phố, xe máy?");
  EXPECT_EQ(tidyGeneratedText("ảnh"), "Ảnh");
  // NFD input (o + combining grave) comes out NFC with the traditional tone placement.
  EXPECT_EQ(tidyGeneratedText("ho\xcc\x80""a"), "Hòa");
  EXPECT_EQ(tidyGeneratedText("hai", /*capitalise=*/false), "hai");
  EXPECT_EQ(tidyGeneratedText(""), "");
}
