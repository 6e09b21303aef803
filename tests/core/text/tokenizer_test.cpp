#include "vimoe/text/tokenizer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "vimoe/text/unicode.h"

namespace vimoe::text {
namespace {

namespace fs = std::filesystem;

// ~300 distinct Vietnamese sentences from a few word lists, always in the same order.
std::vector<std::string> vietnameseSentences() {
  const std::vector<std::string> subjects = {
      "Tôi",      "Chúng tôi", "Cô ấy",   "Anh ấy",   "Người nông dân", "Các em học sinh",
      "Bà ngoại", "Con mèo",   "Đứa trẻ", "Thầy giáo"};
  const std::vector<std::string> verbs = {"thích", "đang nhìn", "mua", "vẽ", "mang theo", "tìm thấy"};
  const std::vector<std::string> objects = {"một quả táo đỏ",      "chiếc xe đạp màu xanh", "bức tranh phong cảnh",
                                            "những bông hoa vàng", "ngôi nhà nhỏ",          "con đường làng",
                                            "quyển sách mới",      "chiếc áo dài trắng"};
  const std::vector<std::string> places = {"ở chợ",      "trong công viên",         "bên bờ sông",
                                           "tại Hà Nội", "ở thành phố Hồ Chí Minh", "trên núi cao"};
  std::vector<std::string> sentences;
  const std::size_t combinations = subjects.size() * verbs.size() * objects.size() * places.size();
  // A stride coprime to the number of combinations visits 300 distinct ones spread evenly.
  for (std::size_t k = 0; k < 300; ++k) {
    std::size_t i = (k * 97) % combinations;
    const auto& s = subjects[i % subjects.size()];
    i /= subjects.size();
    const auto& v = verbs[i % verbs.size()];
    i /= verbs.size();
    const auto& o = objects[i % objects.size()];
    i /= objects.size();
    sentences.push_back(s + " " + v + " " + o + " " + places[i % places.size()] + ".");
  }
  return sentences;
}

// Decomposes the precomposed letters used in these tests, to feed NFD input.
std::string decompose(const std::string& nfc) {
  const std::vector<std::pair<std::string, std::string>> table = {
      {"ệ", "e\xCC\xA3\xCC\x82"}, {"ế", "e\xCC\x82\xCC\x81"}, {"ố", "o\xCC\x82\xCC\x81"},
      {"ờ", "o\xCC\x9B\xCC\x80"}, {"à", "a\xCC\x80"},         {"ô", "o\xCC\x82"},
      {"ạ", "a\xCC\xA3"},         {"ẽ", "e\xCC\x83"},         {"á", "a\xCC\x81"}};
  std::string out = nfc;
  for (const auto& [composed, decomposed] : table) {
    for (std::size_t pos = out.find(composed); pos != std::string::npos; pos = out.find(composed, pos)) {
      out.replace(pos, composed.size(), decomposed);
      pos += decomposed.size();
    }
  }
  return out;
}

class TokenizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The space in the directory name guards paths with spaces in trainer flags.
    s_dir = fs::temp_directory_path() / ("vimoe tokenizer test " + std::to_string(::getpid()));
    fs::create_directories(s_dir);
    TokenizerTrainOptions options;
    options.modelType = "unigram";
    options.vocabSize = 200;
    const auto trained = Tokenizer::train(vietnameseSentences(), (s_dir / "unigram").string(), options);
    ASSERT_TRUE(trained.ok()) << trained.error().message;
    auto loaded = Tokenizer::load((s_dir / "unigram.model").string());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    s_tokenizer.emplace(std::move(*loaded));
  }
  static void TearDownTestSuite() {
    s_tokenizer.reset();
    std::error_code ec;
    fs::remove_all(s_dir, ec);
  }
  void SetUp() override { ASSERT_TRUE(s_tokenizer.has_value()) << "training failed in SetUpTestSuite"; }

  static const Tokenizer& tokenizer() { return *s_tokenizer; }

  static inline fs::path s_dir;
  static inline std::optional<Tokenizer> s_tokenizer;
};

TEST_F(TokenizerTest, TrainWritesModelAndVocabAndNoTemporaryFiles) {
  EXPECT_TRUE(fs::is_regular_file(s_dir / "unigram.model"));
  EXPECT_TRUE(fs::is_regular_file(s_dir / "unigram.vocab"));
  for (const auto& entry : fs::directory_iterator(s_dir)) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "unigram.model" || name == "unigram.vocab" || name.rfind("bpe.", 0) == 0)
        << "left behind: " << name;
  }
}

TEST_F(TokenizerTest, VocabularyHasSpecialPiecesAtFixedIds) {
  const int size = tokenizer().vocabSize();
  EXPECT_GT(size, 50);
  EXPECT_LE(size, 200);
  EXPECT_EQ(tokenizer().decode({Tokenizer::kPadId, Tokenizer::kBosId, Tokenizer::kEosId}), "");
}

TEST_F(TokenizerTest, EncodeDecodeRoundTripsNfcText) {
  for (const std::string& sentence :
       {std::string("Tôi thích một quả táo đỏ ở chợ."), std::string("Bà ngoại vẽ ngôi nhà nhỏ tại Hà Nội."),
        std::string("Con mèo tìm thấy quyển sách mới trên núi cao.")}) {
    const auto ids = tokenizer().encode(sentence);
    ASSERT_FALSE(ids.empty());
    for (const int id : ids) {
      EXPECT_GE(id, 0);
      EXPECT_LT(id, tokenizer().vocabSize());
      EXPECT_NE(id, Tokenizer::kUnkId) << sentence;
    }
    EXPECT_EQ(tokenizer().decode(ids), *toNfc(sentence));
  }
}

TEST_F(TokenizerTest, NfdInputEncodesLikeNfc) {
  const std::string nfc = "Thầy giáo đang nhìn những bông hoa vàng bên bờ sông ở thành phố Hồ Chí Minh.";
  const std::string nfd = decompose(nfc);
  ASSERT_NE(nfd, nfc);
  EXPECT_EQ(tokenizer().encode(nfd), tokenizer().encode(nfc));
  EXPECT_EQ(tokenizer().decode(tokenizer().encode(nfd)), nfc);
}

TEST_F(TokenizerTest, PiecesJoinBackToTheText) {
  const auto pieces = tokenizer().pieces("Đứa trẻ mua chiếc áo dài trắng.");
  ASSERT_EQ(pieces.size(), tokenizer().encode("Đứa trẻ mua chiếc áo dài trắng.").size());
  std::string joined;
  for (const auto& piece : pieces) joined += piece;
  // sentencepiece marks word starts with U+2581 LOWER ONE EIGHTH BLOCK.
  EXPECT_EQ(joined.rfind("\xE2\x96\x81", 0), 0u) << joined;
}

TEST_F(TokenizerTest, EncodePaddedAddsBosEosAndPads) {
  const std::string text = "Cô ấy mua con đường làng.";
  const auto ids = tokenizer().encode(text);
  const int length = static_cast<int>(ids.size()) + 6;
  const auto padded = tokenizer().encodePadded(text, length);
  ASSERT_EQ(static_cast<int>(padded.size()), length);
  EXPECT_EQ(padded.front(), Tokenizer::kBosId);
  EXPECT_EQ(std::vector<int>(padded.begin() + 1, padded.begin() + 1 + ids.size()), ids);
  EXPECT_EQ(padded[ids.size() + 1], Tokenizer::kEosId);
  for (std::size_t i = ids.size() + 2; i < padded.size(); ++i) EXPECT_EQ(padded[i], Tokenizer::kPadId);
}

TEST_F(TokenizerTest, EncodePaddedTruncatesButKeepsEos) {
  const std::string text = "Người nông dân mang theo chiếc xe đạp màu xanh bên bờ sông.";
  const auto ids = tokenizer().encode(text);
  ASSERT_GT(ids.size(), 4u);
  const auto padded = tokenizer().encodePadded(text, 5);
  ASSERT_EQ(padded.size(), 5u);
  EXPECT_EQ(padded[0], Tokenizer::kBosId);
  EXPECT_EQ(std::vector<int>(padded.begin() + 1, padded.begin() + 4), std::vector<int>(ids.begin(), ids.begin() + 3));
  EXPECT_EQ(padded[4], Tokenizer::kEosId);
  EXPECT_TRUE(tokenizer().encodePadded(text, 0).empty());
}

TEST_F(TokenizerTest, CoverageOfTrainingTextHasFewUnknowns) {
  const auto coverage = tokenizer().coverage(vietnameseSentences());
  EXPECT_LT(coverage.unknownRate, 0.01);
  EXPECT_GT(coverage.piecesPerSyllable, 0.5);
  EXPECT_LT(coverage.piecesPerSyllable, 4.0);
}

TEST_F(TokenizerTest, CoverageCountsUnknownCharacters) {
  // Han characters never occur in the training text.
  const auto coverage = tokenizer().coverage({"\xE6\xBC\xA2\xE5\xAD\x97"});
  EXPECT_GT(coverage.unknownRate, 0.0);
}

TEST_F(TokenizerTest, BpeModelTrainsAndRoundTrips) {
  TokenizerTrainOptions options;
  options.modelType = "bpe";
  options.vocabSize = 200;
  const auto prefix = (s_dir / "bpe").string();
  const auto trained = Tokenizer::train(vietnameseSentences(), prefix, options);
  ASSERT_TRUE(trained.ok()) << trained.error().message;
  auto bpe = Tokenizer::load(prefix + ".model");
  ASSERT_TRUE(bpe.ok()) << bpe.error().message;
  const std::string text = "Các em học sinh thích bức tranh phong cảnh.";
  EXPECT_EQ(bpe->decode(bpe->encode(text)), text);
  EXPECT_GT(bpe->vocabSize(), 50);
}

// SigLIP's conventions on the same SentencePiece model: SiglipTokenizer lowercases and drops
// ASCII punctuation, adds no BOS, appends </s> and pads with </s> to the full length.
TEST_F(TokenizerTest, SiglipFormatCanonicalisesAppendsEosAndPadsWithIt) {
  auto siglip = Tokenizer::load((s_dir / "unigram.model").string(), TextFormat::Siglip);
  ASSERT_TRUE(siglip.ok()) << siglip.error().message;
  EXPECT_EQ(siglip->format(), TextFormat::Siglip);
  EXPECT_EQ(siglip->eosId(), Tokenizer::kEosId);  // found by its piece, </s>
  const auto body = tokenizer().encode("con mèo tìm thấy");
  EXPECT_EQ(siglip->encode("Con Mèo, tìm   THẤY!"), body);
  const int length = static_cast<int>(body.size()) + 3;
  std::vector<int> expected = body;
  expected.insert(expected.end(), 3, Tokenizer::kEosId);
  EXPECT_EQ(siglip->encodePadded("Con Mèo, tìm   THẤY!", length), expected);
  // Truncated, the last position still holds </s>: SigLIP pools there.
  const auto cut = siglip->encodePadded("Con Mèo, tìm   THẤY!", 2);
  EXPECT_EQ(cut, (std::vector<int>{body[0], Tokenizer::kEosId}));
  // A vimoe-format tokenizer is not fed a BPE vocabulary, and the format names are checked.
  EXPECT_FALSE(loadTokenizer((s_dir / "unigram.model").string(), "gpt2").ok());
  EXPECT_EQ(textFormatName(*textFormatFromName("siglip")), "siglip");
}

// The same ids as transformers' SiglipTokenizer, as tests/fixtures/pretrained/siglip_tokenizer.py
// follows it under Debian's python3-sentencepiece (its own sentencepiece, not our bridge): case,
// ASCII punctuation, runs of spaces, tabs and a non-breaking space, "▁" in the text, a text
// of punctuation only, truncation.
TEST_F(TokenizerTest, SiglipFormatGivesTheIdsOfTransformersSiglipTokenizer) {
  const std::string python = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const std::vector<std::string> texts = {
      "Con Mèo, tìm   THẤY!",
      "  Người nông dân\tmua \"quyển sách mới\" (ở chợ)...  ",
      "Bà\u00a0ngoại vẽ ngôi nhà nhỏ",
      "Tôi ▁thích con đường làng",
      "?!.,;",
      "Các em học sinh mang theo những bông hoa vàng tại Hà Nội và bức tranh phong cảnh trên núi cao",
  };
  const int length = 12;
  const fs::path dir = s_dir / "siglip-reference";
  fs::create_directories(dir);
  {
    nlohmann::json list = texts;
    std::ofstream(dir / "texts.json", std::ios::binary) << list.dump();
  }
  const std::string script = std::string(VIMOE_SOURCE_DIR) + "/tests/fixtures/pretrained/siglip_tokenizer.py";
  const auto quoted = [](const fs::path& path) { return "'" + path.string() + "'"; };  // the suite's folder has spaces
  const std::string command = python + " " + quoted(script) + " " + quoted(s_dir / "unigram.model") + " " +
                              quoted(dir / "texts.json") + " " + std::to_string(length) + " > " + quoted(dir / "ids.json") +
                              " 2> " + quoted(dir / "log");
  const int status = std::system(command.c_str());
  if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
    GTEST_SKIP() << "needs Debian's python3-sentencepiece and python3-protobuf (scripts/test installs them)";
  std::ifstream log(dir / "log");
  ASSERT_EQ(status, 0) << command << "\n" << std::string(std::istreambuf_iterator<char>(log), {});
  std::ifstream idsFile(dir / "ids.json");
  const auto reference = nlohmann::json::parse(idsFile).get<std::vector<std::vector<int>>>();
  auto siglip = Tokenizer::load((s_dir / "unigram.model").string(), TextFormat::Siglip).value();
  ASSERT_EQ(reference.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(siglip.encodePadded(texts[i], length), reference[i]) << texts[i];
}

TEST(Tokenizer, LoadingAMissingModelIsAnError) {
  const auto missing = Tokenizer::load("/nonexistent/vimoe/tokenizer.model");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("/nonexistent/vimoe/tokenizer.model"), std::string::npos);
}

TEST(Tokenizer, LoadingAFileThatIsNoModelIsAnError) {
  const fs::path junk = fs::temp_directory_path() / ("vimoe-junk-" + std::to_string(::getpid()) + ".model");
  { std::ofstream(junk) << "not a sentencepiece model"; }
  const auto loaded = Tokenizer::load(junk.string());
  fs::remove(junk);
  EXPECT_FALSE(loaded.ok());
}

TEST(Tokenizer, TrainRejectsBadOptions) {
  TokenizerTrainOptions options;
  options.modelType = "wordpiece";
  EXPECT_FALSE(Tokenizer::train({"xin chào"}, "/tmp/unused", options).ok());
  options.modelType = "unigram";
  options.vocabSize = 2;
  EXPECT_FALSE(Tokenizer::train({"xin chào"}, "/tmp/unused", options).ok());
  options.vocabSize = 100;
  EXPECT_FALSE(Tokenizer::train({}, "/tmp/unused", options).ok());
  const auto invalid = Tokenizer::train({"ok", "bad \xFF"}, "/tmp/unused", options);
  ASSERT_FALSE(invalid.ok());
  EXPECT_NE(invalid.error().message.find("sentence 1"), std::string::npos) << invalid.error().message;
}

TEST(Tokenizer, SearchPathsStartWithTheEnvironmentOverride) {
  ::setenv("VIMOE_SPM_BRIDGE", "/opt/custom/libvimoe_spm_bridge.so", 1);
  const auto paths = spmBridgeSearchPaths();
  ::unsetenv("VIMOE_SPM_BRIDGE");
  ASSERT_GE(paths.size(), 3u);
  EXPECT_EQ(paths.front(), "/opt/custom/libvimoe_spm_bridge.so");
  EXPECT_EQ(fs::path(paths[1]).filename(), "libvimoe_spm_bridge.so");
  EXPECT_EQ(spmBridgeSearchPaths().front(), paths[1]);
}

}  // namespace
}  // namespace vimoe::text
