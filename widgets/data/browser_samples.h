// What the data browser shows per image: the importers give one Sample per annotation file
// record, so a synthetic image appears once in captions_train.json and once in vqa_train.json.
// The browser merges them by image path, tags the split from the file name and keeps a folded
// (lower-case, no diacritics, đ -> d) copy of all its text for diacritic-insensitive search.
// Plain C++ over the core's data model: no Qt widgets, cheap to test.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "vimoe/data/sample.h"

namespace vimoe::widgets {

struct BrowserSample {
  std::string imagePath;
  std::string imageId;
  std::string split;   // train | val | test | "" (from the annotation file's name)
  std::string domain;  // synthetic visual domain; empty for real datasets
  std::vector<std::string> captions;
  std::vector<data::QaPair> qa;
  std::vector<std::string> sources;  // "file: record" of every record merged into this image
  std::string foldedText;            // captions, questions and answers, folded, '\n'-separated
};

struct BrowserDataset {
  std::vector<BrowserSample> samples;
  std::vector<data::DataProblem> problems;
  std::vector<int> problemSample;  // per problem: the sample it concerns, or -1 (see linkProblemsToSamples)
  std::vector<std::string> splits, domains, questionTypes;  // distinct values, sorted
  // Image path -> sample index, built on the loading thread so the GUI thread never hashes
  // 100,000 paths when a dataset is shown (indexImagePaths).
  std::unordered_map<std::string, int> indexByPath;
};

// Fills dataset.indexByPath from the samples (buildBrowserDataset calls it).
void indexImagePaths(BrowserDataset& dataset);

// "captions_train.json" -> train, "vlsp2023_dev_data.json" -> val, "test.csv" -> test.
std::string splitFromFileName(const std::string& file);

// Merges the samples of one or more imported datasets by image path (first-seen order) and
// collects their problems.
BrowserDataset buildBrowserDataset(const std::vector<data::Dataset>& datasets);

// A search query as the browser matches it: folded words; every word must occur in the
// sample's folded text (substring match, so "duo" finds "đường" while typing).
std::vector<std::string> searchWords(const std::string& query);
bool matchesSearch(const BrowserSample& sample, const std::vector<std::string>& words);

// Fills dataset.problemSample: a problem names its file and record; a record of a loaded image
// maps directly, and an annotation record ("annotations[12]", "annotations[\"4031\"]") maps to
// its image through the record's image_id, read back from the file. -1 when the record was not
// loaded (a missing image: nothing of it reached the browser) or the file is not JSON.
// Reads each file with problems once; meant for the loading thread.
void linkProblemsToSamples(BrowserDataset& dataset);

}  // namespace vimoe::widgets
