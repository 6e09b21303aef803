// The CLIP-layout BPE trainer: a corpus small enough to work out by hand, a round trip through
// the encoder, and the same vocabulary and merges as the Python reference
// (tests/fixtures/pretrained/clip_bpe.py `learn`) on the synthetic captions.
#include "vimoe/text/byte_level_bpe_train.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/reference_checkpoints.h"
#include "support/scratch_dir.h"
#include "vimoe/text/byte_level_bpe.h"

namespace vimoe::text {
namespace {

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// "ab" three times and "abc" once: (a, b</w>) is the most frequent pair; then (a, b) and
// (b, c</w>) tie at one and the larger pair wins; then (a, bc</w>); then no pair is left.
TEST(ByteLevelBpeTrain, MergesTheMostFrequentPairAndBreaksTiesByThePair) {
  test_support::ScratchDir dir;
  const std::string vocabPath = dir.path("bpe/vocab.json");
  auto trained = trainByteLevelBpe({"ab ab", "AB abc"}, kMinByteLevelVocabulary + 10, vocabPath);
  ASSERT_TRUE(trained.ok()) << trained.error().message;
  EXPECT_EQ(trained->merges, 3);
  EXPECT_EQ(trained->vocabSize, 517);  // the corpus ran out of pairs before the 524 asked
  EXPECT_EQ(trained->words, 4);
  EXPECT_EQ(trained->uniqueWords, 2);
  EXPECT_EQ(readText(dir.path("bpe/merges.txt")), "#version: 0.2\na b</w>\nb c</w>\na bc</w>\n");

  const auto vocab = nlohmann::json::parse(readText(vocabPath));
  EXPECT_EQ(vocab.at("!").get<int>(), 0);  // byte pieces in CLIP's order: printable bytes first
  EXPECT_EQ(vocab.at("!</w>").get<int>(), 256);
  EXPECT_EQ(vocab.at("ab</w>").get<int>(), 512);
  EXPECT_EQ(vocab.at("bc</w>").get<int>(), 513);
  EXPECT_EQ(vocab.at("abc</w>").get<int>(), 514);
  EXPECT_EQ(vocab.at("<|startoftext|>").get<int>(), 515);
  EXPECT_EQ(vocab.at("<|endoftext|>").get<int>(), 516);  // the largest id: OpenCLIP's argmax pooling finds it

  auto bpe = ByteLevelBpe::load(vocabPath, dir.path("bpe/merges.txt"));
  ASSERT_TRUE(bpe.ok()) << bpe.error().message;
  EXPECT_EQ(bpe->encode("ab abc ac"), (std::vector<int>{512, 514, vocab.at("a").get<int>(), vocab.at("c</w>").get<int>()}));
}

TEST(ByteLevelBpeTrain, RefusesAVocabularyTooSmallForTheLayout) {
  test_support::ScratchDir dir;
  auto trained = trainByteLevelBpe({"ab"}, 256, dir.path("vocab.json"));
  ASSERT_FALSE(trained.ok());
  EXPECT_NE(trained.error().message.find("at least 514"), std::string::npos) << trained.error().message;
  EXPECT_FALSE(std::filesystem::exists(dir.path("vocab.json")));
}

// Captions in the demo data's style, made from word lists: Vietnamese syllables with every
// tone mark, digits, punctuation and upper case.
std::vector<std::string> syntheticCaptions(int count) {
  const std::vector<std::string> shapes = {"hình tròn", "hình vuông", "tam giác", "ngôi sao", "hình thoi", "đồng hồ"};
  const std::vector<std::string> colours = {"đỏ", "xanh lá", "xanh dương", "vàng", "tím", "cam", "hồng", "nâu"};
  const std::vector<std::string> places = {"ở giữa", "bên trái", "bên phải", "phía trên", "phía dưới", "ở góc"};
  const std::vector<std::string> openings = {"Một", "Có một", "Ảnh chụp một", "Bức tranh có"};
  std::vector<std::string> captions;
  for (int i = 0; i < count; ++i) {
    const auto pick = [&](const std::vector<std::string>& list, int salt) { return list[static_cast<std::size_t>((i * 7 + salt * 13 + i / 5) % static_cast<int>(list.size()))]; };
    captions.push_back(pick(openings, 1) + " " + pick(shapes, 2) + " màu " + pick(colours, 3) + " " + pick(places, 4) + ", số " +
                       std::to_string(i % 60) + (i % 3 ? "." : "!"));
  }
  return captions;
}

TEST(ByteLevelBpeTrain, VietnameseCaptionsEncodeInFewPiecesAndDecodeBack) {
  test_support::ScratchDir dir;
  const auto captions = syntheticCaptions(1000);
  auto trained = trainByteLevelBpe(captions, 600, dir.path("vocab.json"));
  ASSERT_TRUE(trained.ok()) << trained.error().message;
  EXPECT_EQ(trained->vocabSize, 600);
  auto bpe = ByteLevelBpe::load(dir.path("vocab.json"), dir.path("merges.txt")).value();
  std::size_t pieces = 0, words = 0;
  for (const auto& caption : captions) {
    // CLIP's decode ends every word with a space: "số 38." comes back "số 3 8 ."
    std::string spaced;
    for (const auto& word : clipWords(caption)) spaced += (spaced.empty() ? "" : " ") + word;
    EXPECT_EQ(bpe.decode(bpe.encode(caption)), spaced);
    pieces += bpe.encode(caption).size();
    words += clipWords(caption).size();
  }
  // Learnt on these captions, nearly every word is one piece (bytes alone: ~5 per word).
  EXPECT_LT(static_cast<double>(pieces) / static_cast<double>(words), 1.1);
}

TEST(ByteLevelBpeTrain, LearnsWhatThePythonReferenceLearns) {
  const std::string python = test_support::debianPython();
  if (std::system((python + " -c 'import regex' > /dev/null 2>&1").c_str()) != 0)
    GTEST_SKIP() << "needs Debian's python3-regex (scripts/test installs it)";
  test_support::ScratchDir dir;
  const auto captions = syntheticCaptions(1500);
  {
    std::ofstream corpus(dir.path("corpus.txt"), std::ios::binary);
    for (const auto& c : captions) corpus << c << "\n";
  }
  auto trained = trainByteLevelBpe(captions, 700, dir.path("ours/vocab.json"));
  ASSERT_TRUE(trained.ok()) << trained.error().message;
  ASSERT_GT(trained->merges, 60);
  const std::string script = std::string(VIMOE_SOURCE_DIR) + "/tests/fixtures/pretrained/clip_bpe.py";
  const std::string command = python + " " + script + " learn " + dir.path("corpus.txt") + " " +
                              std::to_string(trained->merges) + " " + dir.path("python") + " > " + dir.path("log") + " 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << readText(dir.path("log"));
  EXPECT_EQ(readText(dir.path("ours/merges.txt")), readText(dir.path("python/merges.txt")));
  EXPECT_EQ(nlohmann::json::parse(readText(dir.path("ours/vocab.json"))), nlohmann::json::parse(readText(dir.path("python/vocab.json"))));
}

}  // namespace
}  // namespace vimoe::text
