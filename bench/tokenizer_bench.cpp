// Throughput of CLIP's byte-level BPE (core/text/byte_level_bpe.h): texts/s and tokens/s over a
// file of captions, median of the rounds. bench/compare_tokenizer runs it beside the Python
// reference (OpenAI's simple_tokenizer algorithm) on the same vocabulary and captions.
//   vimoe_bench_tokenizer VOCAB_JSON CAPTIONS_TXT [rounds=5]   (merges.txt beside the vocabulary)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "vimoe/text/byte_level_bpe.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: vimoe_bench_tokenizer VOCAB_JSON CAPTIONS_TXT [rounds=5]\n");
    return 2;
  }
  const std::string vocab = argv[1];
  const int rounds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  auto bpe = vimoe::text::ByteLevelBpe::load(vocab, (std::filesystem::path(vocab).parent_path() / "merges.txt").string());
  if (!bpe) {
    std::fprintf(stderr, "error: %s\n", bpe.error().message.c_str());
    return 2;
  }
  std::vector<std::string> texts;
  std::ifstream in(argv[2]);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) texts.push_back(line);
  std::vector<double> seconds;
  std::size_t tokens = 0;
  for (int round = 0; round < rounds; ++round) {
    // A fresh tokenizer each round: its word cache starts empty, as the Python side's does.
    bpe = vimoe::text::ByteLevelBpe::load(vocab, (std::filesystem::path(vocab).parent_path() / "merges.txt").string());
    tokens = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& text : texts) tokens += bpe->encode(text).size();
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  std::printf("vimoe byte-level BPE: %zu texts, %zu tokens, %.0f texts/s, %.0f tokens/s (median of %d rounds)\n",
              texts.size(), tokens, texts.size() / median, tokens / median, rounds);
  return 0;
}
