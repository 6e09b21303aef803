#include "data/browser_samples.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "vimoe/text/vietnamese.h"

namespace vimoe::widgets {
namespace {

bool containsWord(const std::string& lowerName, const std::string& word) {
  // "train" inside "captions_train.json" but not "retrained": delimited by non-letters.
  for (std::size_t at = lowerName.find(word); at != std::string::npos; at = lowerName.find(word, at + 1)) {
    const bool startOk = at == 0 || !std::isalpha(static_cast<unsigned char>(lowerName[at - 1]));
    const std::size_t end = at + word.size();
    const bool endOk = end >= lowerName.size() || !std::isalpha(static_cast<unsigned char>(lowerName[end]));
    if (startOk && endOk) return true;
  }
  return false;
}

void appendFolded(std::string& out, const std::string& text) {
  if (!out.empty()) out += '\n';
  out += text::foldDiacritics(text);
}

std::vector<std::string> sorted(const std::set<std::string>& values) { return {values.begin(), values.end()}; }

}  // namespace

std::string splitFromFileName(const std::string& file) {
  std::string name = std::filesystem::path(file).filename().string();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (containsWord(name, "train")) return "train";
  if (containsWord(name, "val") || containsWord(name, "dev") || containsWord(name, "validation")) return "val";
  if (containsWord(name, "test")) return "test";
  return {};
}

BrowserDataset buildBrowserDataset(const std::vector<data::Dataset>& datasets) {
  BrowserDataset out;
  std::unordered_map<std::string, std::size_t> byPath;
  std::set<std::string> splits, domains, types;
  for (const auto& dataset : datasets) {
    out.problems.insert(out.problems.end(), dataset.problems.begin(), dataset.problems.end());
    for (const auto& sample : dataset.samples) {
      auto [it, inserted] = byPath.emplace(sample.imagePath, out.samples.size());
      if (inserted) {
        BrowserSample fresh;
        fresh.imagePath = sample.imagePath;
        fresh.imageId = sample.imageId;
        fresh.split = splitFromFileName(sample.sourceFile);
        out.samples.push_back(std::move(fresh));
      }
      BrowserSample& merged = out.samples[it->second];
      if (merged.domain.empty()) merged.domain = sample.domain;
      if (merged.split.empty()) merged.split = splitFromFileName(sample.sourceFile);
      merged.sources.push_back(sample.sourceFile + ": " + sample.record);
      for (const auto& caption : sample.captions) {
        merged.captions.push_back(caption);
        appendFolded(merged.foldedText, caption);
      }
      for (const auto& qa : sample.qa) {
        merged.qa.push_back(qa);
        appendFolded(merged.foldedText, qa.question);
        for (const auto& answer : qa.answers) appendFolded(merged.foldedText, answer);
        if (!qa.type.empty()) types.insert(qa.type);
      }
    }
  }
  for (const auto& sample : out.samples) {
    if (!sample.split.empty()) splits.insert(sample.split);
    if (!sample.domain.empty()) domains.insert(sample.domain);
  }
  out.splits = sorted(splits);
  out.domains = sorted(domains);
  out.questionTypes = sorted(types);
  indexImagePaths(out);
  return out;
}

void indexImagePaths(BrowserDataset& dataset) {
  dataset.indexByPath.clear();
  dataset.indexByPath.reserve(dataset.samples.size());
  for (std::size_t i = 0; i < dataset.samples.size(); ++i)
    dataset.indexByPath.emplace(dataset.samples[i].imagePath, static_cast<int>(i));
}

std::vector<std::string> searchWords(const std::string& query) {
  std::istringstream in(text::foldDiacritics(query));
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

bool matchesSearch(const BrowserSample& sample, const std::vector<std::string>& words) {
  return std::all_of(words.begin(), words.end(),
                     [&](const std::string& word) { return sample.foldedText.find(word) != std::string::npos; });
}

namespace {

// The object a problem's record names inside a parsed annotation file, or null.
const nlohmann::json* recordIn(const nlohmann::json& root, const std::string& record) {
  const auto open = record.find('[');
  if (open == std::string::npos || record.back() != ']' || !root.is_object()) return nullptr;
  const auto array = root.find(record.substr(0, open));
  if (array == root.end()) return nullptr;
  std::string key = record.substr(open + 1, record.size() - open - 2);
  if (key.size() >= 2 && key.front() == '"' && key.back() == '"') {
    const auto found = array->find(key.substr(1, key.size() - 2));  // id-keyed (OpenViVQA)
    return found == array->end() ? nullptr : &*found;
  }
  if (!array->is_array() || key.empty() || !std::all_of(key.begin(), key.end(), ::isdigit)) return nullptr;
  const auto index = std::stoul(key);
  return index < array->size() ? &(*array)[index] : nullptr;
}

std::string idText(const nlohmann::json& id) { return id.is_string() ? id.get<std::string>() : id.dump(); }

}  // namespace

void linkProblemsToSamples(BrowserDataset& dataset) {
  std::unordered_map<std::string, int> byRecord, byImageId;  // "file\nrecord", "file\nimage id"
  for (std::size_t i = 0; i < dataset.samples.size(); ++i) {
    const auto& sample = dataset.samples[i];
    for (const auto& source : sample.sources) {
      const auto colon = source.rfind(": ");
      const std::string file = source.substr(0, colon);
      byRecord.emplace(file + '\n' + source.substr(colon + 2), static_cast<int>(i));
      byImageId.emplace(file + '\n' + sample.imageId, static_cast<int>(i));
    }
  }
  std::unordered_map<std::string, nlohmann::json> parsed;
  dataset.problemSample.assign(dataset.problems.size(), -1);
  for (std::size_t p = 0; p < dataset.problems.size(); ++p) {
    const auto& problem = dataset.problems[p];
    if (const auto direct = byRecord.find(problem.file + '\n' + problem.record); direct != byRecord.end()) {
      dataset.problemSample[p] = direct->second;
      continue;
    }
    auto [cached, fresh] = parsed.try_emplace(problem.file);
    if (fresh) {
      std::ifstream in(problem.file, std::ios::binary);
      cached->second = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    }
    const nlohmann::json* record = recordIn(cached->second, problem.record);
    if (!record || !record->is_object()) continue;
    const auto imageId = record->find("image_id");
    if (imageId == record->end()) continue;
    if (const auto found = byImageId.find(problem.file + '\n' + idText(*imageId)); found != byImageId.end())
      dataset.problemSample[p] = found->second;
  }
}

}  // namespace vimoe::widgets
