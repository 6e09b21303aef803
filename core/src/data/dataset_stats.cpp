#include "vimoe/data/dataset_stats.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "vimoe/text/vietnamese.h"

namespace vimoe::data {
namespace {

std::vector<std::string> syllables(const std::string& text) {
  text::NormalizeOptions o;
  o.tone = text::ToneStyle::Traditional;  // "hoà" and "hòa" are one syllable
  o.joinSegmentedWords = true;
  o.lowercase = true;
  o.stripPunctuation = true;
  const std::string normal = text::normalizeVietnamese(text, o);
  std::vector<std::string> out;
  std::istringstream in(normal);
  for (std::string s; in >> s;) out.push_back(s);
  return out;
}

std::string orNone(const std::string& s) {
  return s.empty() ? "(none)" : s;
}

void histogram(std::ostringstream& out, const char* title, const std::map<std::size_t, std::size_t>& counts) {
  if (counts.empty()) return;
  std::size_t most = 0;
  for (const auto& [length, n] : counts) most = std::max(most, n);
  out << title << "\n";
  for (const auto& [length, n] : counts) {
    const std::size_t bar = most == 0 ? 0 : (n * 40 + most - 1) / most;
    out << "  " << (length < 10 ? " " : "") << length << " | " << std::string(bar, '#') << " " << n << "\n";
  }
}

void table(std::ostringstream& out, const char* title, const std::map<std::string, std::size_t>& counts) {
  if (counts.empty()) return;
  out << title << "\n";
  for (const auto& [name, n] : counts) out << "  " << name << ": " << n << "\n";
}

}  // namespace

DatasetStats computeStats(const Dataset& dataset, std::size_t topAnswers) {
  DatasetStats st;
  std::set<std::string> vocabulary;
  std::map<std::string, std::size_t> answers;
  for (const Sample& s : dataset.samples) {
    ++st.images;
    ++st.domains[orNone(s.domain)];
    for (const auto& c : s.captions) {
      ++st.captions;
      const auto words = syllables(c);
      ++st.captionLengths[words.size()];
      vocabulary.insert(words.begin(), words.end());
    }
    for (const QaPair& q : s.qa) {
      ++st.questions;
      if (q.placeholder) ++st.placeholderQuestions;
      ++st.questionTypes[orNone(q.type)];
      ++st.languages[orNone(q.language)];
      const auto words = syllables(q.question);
      ++st.questionLengths[words.size()];
      vocabulary.insert(words.begin(), words.end());
      for (const auto& a : q.answers) {
        const auto answerWords = syllables(a);
        vocabulary.insert(answerWords.begin(), answerWords.end());
        std::string joined;
        for (const auto& w : answerWords) joined += (joined.empty() ? "" : " ") + w;
        ++answers[joined];
      }
    }
  }
  st.vocabulary = vocabulary.size();
  st.distinctAnswers = answers.size();
  std::vector<std::pair<std::string, std::size_t>> sorted(answers.begin(), answers.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (sorted.size() > topAnswers) sorted.resize(topAnswers);
  st.topAnswers = std::move(sorted);
  return st;
}

std::string formatStats(const DatasetStats& st) {
  std::ostringstream out;
  out << st.images << " images, " << st.captions << " captions, " << st.questions << " questions";
  if (st.placeholderQuestions > 0) out << " (" << st.placeholderQuestions << " with placeholder answers)";
  out << "\nvocabulary: " << st.vocabulary << " distinct syllables\n";
  histogram(out, "caption length (syllables):", st.captionLengths);
  histogram(out, "question length (syllables):", st.questionLengths);
  table(out, "question types:", st.questionTypes);
  table(out, "domains (images):", st.domains);
  table(out, "question languages:", st.languages);
  if (!st.topAnswers.empty()) {
    out << "answers: " << st.distinctAnswers << " distinct; most frequent:\n";
    for (const auto& [answer, n] : st.topAnswers) out << "  " << answer << ": " << n << "\n";
  }
  return out.str();
}

}  // namespace vimoe::data
