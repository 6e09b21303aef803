// CLIP's byte-level BPE on a vocabulary small enough to work out by hand: the 256 byte pieces
// (id = byte value), the same with "</w>" (id = 256 + byte), six merges, the two specials.
// tests/core/model/import_test.cpp checks a learnt vocabulary against a Python reference.
#include "vimoe/text/byte_level_bpe.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>
#include <nlohmann/json.hpp>

#include "support/scratch_dir.h"
#include "vimoe/text/tokenizer.h"

namespace vimoe::text {
namespace {

// GPT-2's byte -> character table, written out again here (not taken from the code under test).
std::string bytePiece(int b) {
  static const std::vector<int> codes = [] {
    std::vector<int> c(256, -1);
    int next = 256;
    for (int b = 0; b < 256; ++b) {
      const bool printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
      c[b] = printable ? b : next++;
    }
    return c;
  }();
  const int cp = codes[static_cast<std::size_t>(b)];
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

constexpr int kHe = 512, kLl = 513, kHell = 514, kHelloW = 515, kCa = 516, kCatW = 517, kStart = 518, kEnd = 519;

class ByteLevelBpeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    nlohmann::json vocab = nlohmann::json::object();
    for (int b = 0; b < 256; ++b) {
      vocab[bytePiece(b)] = b;
      vocab[bytePiece(b) + "</w>"] = 256 + b;
    }
    vocab["he"] = kHe;
    vocab["ll"] = kLl;
    vocab["hell"] = kHell;
    vocab["hello</w>"] = kHelloW;
    vocab["ca"] = kCa;
    vocab["cat</w>"] = kCatW;
    vocab["<|startoftext|>"] = kStart;
    vocab["<|endoftext|>"] = kEnd;
    write("vocab.json", vocab.dump());
    write("merges.txt", "#version: 0.2\nh e\nl l\nhe ll\nhell o</w>\nc a\nca t</w>\n");
  }
  void write(const std::string& name, const std::string& text) { std::ofstream(m_dir.path(name), std::ios::binary) << text; }
  Expected<ByteLevelBpe> load() { return ByteLevelBpe::load(m_dir.path("vocab.json"), m_dir.path("merges.txt")); }

  test_support::ScratchDir m_dir;
};

TEST_F(ByteLevelBpeTest, MergesApplyInRankOrderAndWordsEndWithTheMarker) {
  auto bpe = load();
  ASSERT_TRUE(bpe.ok()) << bpe.error().message;
  EXPECT_EQ(bpe->vocabSize(), 520);
  // Cleaned to "hello cat!": h e l l o</w> -> he l l o</w> -> he ll o</w> -> hell o</w> -> hello</w>.
  EXPECT_EQ(bpe->encode("  Hello \t CAT!"), (std::vector<int>{kHelloW, kCatW, 256 + '!'}));
  EXPECT_EQ(bpe->pieces("hello"), (std::vector<std::string>{"hello</w>"}));
  // No merge for "hel" alone: the merges that apply, then byte pieces.
  EXPECT_EQ(bpe->encode("help"), (std::vector<int>{kHe, 'l', 256 + 'p'}));
}

TEST_F(ByteLevelBpeTest, ClipsPatternSplitsContractionsDigitsAndPunctuation) {
  auto bpe = load().value();
  EXPECT_EQ(bpe.encode("it's"), (std::vector<int>{'i', 256 + 't', '\'', 256 + 's'}));
  EXPECT_EQ(bpe.encode("42"), (std::vector<int>{256 + '4', 256 + '2'}));           // one digit a word
  EXPECT_EQ(bpe.encode("?!."), (std::vector<int>{'?', '!', 256 + '.'}));             // one punctuation run
  EXPECT_EQ(bpe.encode("tom &amp; cat"), (std::vector<int>{'t', 'o', 256 + 'm', 256 + '&', kCatW}));
  EXPECT_EQ(bpe.encode("cat<|endoftext|>"), (std::vector<int>{kCatW, kEnd}));       // written specials stay whole
}

TEST_F(ByteLevelBpeTest, VietnameseIsEncodedByteByByteAndDecodesBack) {
  auto bpe = load().value();
  // "Đ" lowercases to "đ" (U+0111, bytes C4 91); "ồ" is U+1ED3 (E1 BB 93).
  EXPECT_EQ(bpe.encode("Đ"), (std::vector<int>{0xC4, 256 + 0x91}));
  EXPECT_EQ(bpe.encode("đồ"), (std::vector<int>{0xC4, 0x91, 0xE1, 0xBB, 256 + 0x93}));
  EXPECT_EQ(bpe.decode(bpe.encode("Đồng hồ, hello cat")), "đồng hồ , hello cat");
  EXPECT_EQ(bpe.decode({kStart, kHelloW, kEnd}), "hello");
}

TEST_F(ByteLevelBpeTest, TokenizerInClipFormatWrapsTextInStartAndEndAndPadsWithZero) {
  auto tokenizer = Tokenizer::load(m_dir.path("vocab.json"), TextFormat::Clip);
  ASSERT_TRUE(tokenizer.ok()) << tokenizer.error().message;
  EXPECT_EQ(tokenizer->encodePadded("hello cat!", 7), (std::vector<int>{kStart, kHelloW, kCatW, 256 + '!', kEnd, 0, 0}));
  EXPECT_EQ(tokenizer->encodePadded("hello cat!", 3), (std::vector<int>{kStart, kHelloW, kEnd}));
  EXPECT_EQ(tokenizer->coverage({"hello đồng hồ"}).unknownRate, 0.0);
  // The file kind and the format must agree.
  auto wrongFormat = Tokenizer::load(m_dir.path("vocab.json"), TextFormat::Vimoe);
  ASSERT_FALSE(wrongFormat.ok());
  EXPECT_NE(wrongFormat.error().message.find("data.text_format = clip"), std::string::npos) << wrongFormat.error().message;
}

// The word cache is shared by loader threads: concurrent encodes give what one thread gives.
TEST_F(ByteLevelBpeTest, ConcurrentEncodingAgreesWithOneThread) {
  const auto bpe = load().value();
  const std::vector<std::string> texts = {"hello cat!", "đồng hồ hello", "it's 42 cats", "help hello help", "cat cat cat"};
  std::vector<std::vector<int>> expected;
  for (const auto& text : texts) expected.push_back(load().value().encode(text));  // fresh caches
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 200; ++round)
        for (std::size_t i = 0; i < texts.size(); ++i)
          if (bpe.encode(texts[i]) != expected[i]) ++mismatches;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(bpe.encode("hello cat!"), (std::vector<int>{kHelloW, kCatW, 256 + '!'}));
}

TEST_F(ByteLevelBpeTest, BrokenFilesNameTheFileAndLine) {
  write("merges.txt", "#version: 0.2\nh e\nhe llo x\n");
  auto badLine = load();
  ASSERT_FALSE(badLine.ok());
  EXPECT_NE(badLine.error().message.find("merges.txt:3"), std::string::npos) << badLine.error().message;

  write("merges.txt", "#version: 0.2\nc at\n");
  auto unknownResult = load();
  ASSERT_FALSE(unknownResult.ok());
  EXPECT_NE(unknownResult.error().message.find("gives \"cat\", which is not in"), std::string::npos)
      << unknownResult.error().message;
  EXPECT_NE(unknownResult.error().message.find("merges.txt:2"), std::string::npos);

  write("vocab.json", R"({"a": 0, "b": 0})");
  auto duplicate = load();
  ASSERT_FALSE(duplicate.ok());
  EXPECT_NE(duplicate.error().message.find("vocab.json"), std::string::npos) << duplicate.error().message;

  write("vocab.json", "{\"a\": 0, \"b\": 1}");
  auto notClip = load();
  ASSERT_FALSE(notClip.ok());
  EXPECT_NE(notClip.error().message.find("<|startoftext|>"), std::string::npos) << notClip.error().message;
}

}  // namespace
}  // namespace vimoe::text
