// Synthetic Vietnamese image-text data in several visual domains (geometric shapes, digits and
// clocks, shop signs and book covers with scene text, textures), each image with captions
// from paraphrase templates (45 in all) and question-answer pairs tagged with a question type
// (colour "màu gì", count "bao nhiêu", shape "hình gì", position "ở đâu", yes/no "có ...
// không", ocr, time, pattern). Deterministic by seed: the same seed and index give the same
// pixels, captions and questions. Written in the COCO-captions layout of UIT-ViIC (captions)
// and the ViTextVQA list layout (questions), so the importers read it like a real dataset.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "vimoe/data/sample.h"
#include "vimoe/util/cancel.h"
#include "vimoe/util/expected.h"
#include "vimoe/util/progress.h"

namespace vimoe::data {

struct SyntheticScene {
  std::string domain = "shapes";  // visual domain tag, written to images[].domain
  std::string shape;     // Vietnamese noun phrase, e.g. "hình tròn"
  std::string colour;    // e.g. "đỏ"
  std::string size;      // "nhỏ" | "lớn"
  std::string position;  // e.g. "ở góc trên bên trái"
  int count = 1;         // 1..3
  std::string background;  // e.g. "trắng"
  std::string text;        // scene text or reading shown ("Phở Bò", "47", "ba giờ"); empty if none
};

struct SyntheticSample {
  cv::Mat image;  // BGR, 8-bit, imageSize x imageSize
  SyntheticScene scene;
  std::vector<std::string> captions;  // NFC, distinct paraphrases
  std::vector<QaPair> qa;             // NFC, each with its type
};

// The shapes domain alone (the original generator; its output is pinned by tests).
// captionCount is capped at the number of templates (10). imageSize below 8 throws
// std::invalid_argument.
SyntheticSample generateSyntheticCaption(std::uint64_t seed, std::int64_t index, int imageSize, int captionCount);

// "shapes", "digits_clocks", "text_signs", "textures".
const std::vector<std::string>& syntheticDomains();
// Caption templates over all domains.
int syntheticTemplateTotal();
// Parses "shapes,text_signs" (or "all"); Error names an unknown domain.
Expected<std::vector<std::string>> parseSyntheticDomains(const std::string& list);

// Sample `index` of a multi-domain set: domain domains[index % size], so every domain gets
// the same share. Scene text needs the font (see sceneTextFontPath); imageSize below 8 or an
// unknown domain throws std::invalid_argument (a caller's bug: check with
// parseSyntheticDomains first).
SyntheticSample generateSyntheticSample(std::uint64_t seed, std::int64_t index, int imageSize, int captionCount,
                                        int questionCount, const std::vector<std::string>& domains);

struct SyntheticCaptionOptions {
  int trainImages = 2000;
  int valImages = 256;
  int imageSize = 64;
  int captionsPerImage = 5;
  int questionsPerImage = 3;
  std::uint64_t seed = 7;
  std::vector<std::string> domains = {"shapes"};
  int threads = 2;  // images are drawn and encoded in parallel; the output does not depend on it
};

// Writes root/images/{train,val}/NNNNNN.png, root/captions_{train,val}.json (COCO layout,
// file_name relative to root/images, images[].domain) and root/vqa_{train,val}.json (list
// layout: images[] {id, filename, domain}, annotations[] {id, image_id, question, answers[],
// type}). Train and val use disjoint index ranges. The JSON files are written atomically, last, so an interrupted run
// never leaves a dataset that looks complete (old annotation files are removed first).
// When `cancel` fires, generation stops between images and an Error saying so is returned.
Status writeSyntheticCaptionDataset(const std::string& root, const SyntheticCaptionOptions& options,
                                    ProgressObserver* progress = nullptr, const CancelToken* cancel = nullptr);

// True when root holds a complete set written with exactly these options (the JSON files'
// info records them); false for a missing, older or differently configured set.
bool syntheticDatasetMatches(const std::string& root, const SyntheticCaptionOptions& options);
// True when the training captions in root would differ from those these options give (other
// seed, domains or captions per image), i.e. a tokenizer trained on them is stale. Sets from
// before domains existed count as shapes-only.
bool syntheticCaptionsChanged(const std::string& root, const SyntheticCaptionOptions& options);

}  // namespace vimoe::data
