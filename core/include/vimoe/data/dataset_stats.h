// What `vimoe data stats` prints: caption length histogram, vocabulary size, answer
// distribution, question types, domains and languages. Lengths and vocabulary count
// syllables (space-separated, word-segmentation '_' joined, lower-cased, punctuation off).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "vimoe/data/sample.h"

namespace vimoe::data {

struct DatasetStats {
  std::size_t images = 0, captions = 0, questions = 0, placeholderQuestions = 0;
  std::map<std::size_t, std::size_t> captionLengths;            // syllables -> captions
  std::map<std::size_t, std::size_t> questionLengths;           // syllables -> questions
  std::size_t vocabulary = 0;                                   // distinct syllables in captions, questions, answers
  std::vector<std::pair<std::string, std::size_t>> topAnswers;  // most frequent first
  std::size_t distinctAnswers = 0;
  std::map<std::string, std::size_t> questionTypes;  // "" counted as "(none)"
  std::map<std::string, std::size_t> domains;        // images per domain; "" as "(none)"
  std::map<std::string, std::size_t> languages;      // questions per language
};

DatasetStats computeStats(const Dataset& dataset, std::size_t topAnswers = 15);

// A plain-text report with bar histograms, for the terminal.
std::string formatStats(const DatasetStats& stats);

}  // namespace vimoe::data
