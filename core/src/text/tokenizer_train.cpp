// Tokenizer::train: writes the NFC corpus to a private temporary directory beside the model,
// runs sentencepiece's trainer through the bridge there, and renames the results into place,
// .vocab first and .model last, so a reader never sees a half-written model.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <locale>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "text/spm_bridge_loader.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/text/unicode.h"

namespace vimoe::text {
namespace {

namespace fs = std::filesystem;

// Removes the temporary directory whatever way training ends.
class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(fs::path path) : m_path(std::move(path)) {}
  ~TemporaryDirectory() {
    std::error_code ec;
    if (!m_path.empty()) fs::remove_all(m_path, ec);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

Expected<fs::path> makeTemporaryDirectory(const fs::path& dir, const std::string& stem) {
  std::string pattern = (dir / ("." + stem + ".train-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return Error::at(dir.string(), "cannot create a temporary training directory");
  }
  return fs::path(pattern);
}

// One sentence per line, NFC; line breaks inside a sentence would split it in two.
Status writeCorpus(const std::vector<std::string>& sentences, const fs::path& file, std::size_t& written) {
  std::ofstream out(file, std::ios::binary);
  if (!out) return Error::at(file.string(), "cannot create the training corpus file");
  written = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    auto normalised = toNfc(sentences[i]);
    if (!normalised.ok()) return Error{"training sentence " + std::to_string(i) + ": " + normalised.error().message};
    std::string line = std::move(*normalised);
    std::replace_if(
        line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    out << line << '\n';
    ++written;
  }
  out.flush();
  if (!out) return Error::at(file.string(), "writing the training corpus failed (disk full?)");
  return okStatus();
}

std::string trainerFlags(const fs::path& corpus, const fs::path& prefix, const TokenizerTrainOptions& options) {
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 16u);
  std::ostringstream flags;
  flags.imbue(std::locale::classic());  // "0.9995", never "0,9995", whatever the GUI's locale
  flags << "--input=" << corpus.string() << " --model_prefix=" << prefix.string()
        << " --vocab_size=" << options.vocabSize << " --model_type=" << options.modelType
        << " --character_coverage=" << options.characterCoverage << " --pad_id=" << Tokenizer::kPadId
        << " --unk_id=" << Tokenizer::kUnkId << " --bos_id=" << Tokenizer::kBosId << " --eos_id=" << Tokenizer::kEosId
        << " --input_sentence_size=2000000 --shuffle_input_sentence=true"
        // A small project corpus cannot fill a large vocabulary; a smaller one beats failing.
        << " --hard_vocab_limit=false"
        << " --num_threads="
        << threads
        // The trainer logs every EM step at INFO to stderr; keep warnings and errors only.
        << " --minloglevel=1";
  return flags.str();
}

// Flushes a trained file to disk before it is renamed into place.
void syncFile(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

Status validate(const std::vector<std::string>& sentences, const std::string& modelPrefix,
                const TokenizerTrainOptions& options) {
  if (modelPrefix.empty()) return Error{"tokenizer model prefix is empty"};
  if (options.modelType != "unigram" && options.modelType != "bpe") {
    return Error{"tokenizer model type '" + options.modelType + "' is not supported (use unigram or bpe)"};
  }
  if (options.vocabSize < 8) {
    return Error{"tokenizer vocab size " + std::to_string(options.vocabSize) + " is too small (at least 8)"};
  }
  if (!(options.characterCoverage > 0.0 && options.characterCoverage <= 1.0)) {
    return Error{"tokenizer character coverage must be in (0, 1]"};
  }
  if (sentences.empty()) return Error{"no sentences to train the tokenizer on"};
  return okStatus();
}

}  // namespace

Status Tokenizer::train(const std::vector<std::string>& sentences, const std::string& modelPrefix,
                        const TokenizerTrainOptions& options) {
  if (auto valid = validate(sentences, modelPrefix, options); !valid.ok()) return valid;
  auto bridge = detail::spmBridge();
  if (!bridge.ok()) return bridge.error();

  const fs::path target(modelPrefix);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error::at(dir.string(), "cannot create directory: " + ec.message());
  auto tempPath = makeTemporaryDirectory(dir, target.filename().string());
  if (!tempPath.ok()) return tempPath.error();
  const TemporaryDirectory temp(*tempPath);

  const fs::path corpus = temp.path() / "corpus.txt";
  std::size_t lines = 0;
  if (auto written = writeCorpus(sentences, corpus, lines); !written.ok()) return written;
  if (lines == 0) return Error{"all training sentences are empty"};

  const fs::path tempPrefix = temp.path() / "model";
  char error[2048] = {0};
  if ((*bridge)->train(trainerFlags(corpus, tempPrefix, options).c_str(), error, sizeof error) != 0) {
    return Error::at(modelPrefix, std::string("tokenizer training failed: ") + error);
  }

  // Same directory, so both renames are atomic; the .model appears last.
  for (const char* suffix : {".vocab", ".model"}) {
    fs::path from = tempPrefix;
    from += suffix;
    const fs::path to = modelPrefix + suffix;
    syncFile(from);
    fs::rename(from, to, ec);
    if (ec) return Error::at(to.string(), "cannot move the trained file into place: " + ec.message());
  }
  return okStatus();
}

}  // namespace vimoe::text
