// writeSyntheticCaptionDataset: PNGs first, the two COCO JSON files last and atomically, so
// a dataset whose JSON exists is complete.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <thread>
#include <vector>

#include "data/synthetic_text_render.h"
#include "vimoe/data/synthetic_captions.h"
#include "vimoe/util/atomic_file.h"
#include "vimoe/util/json_read.h"

namespace vimoe::data {
namespace {

namespace fs = std::filesystem;

// Validation images come from indices far above any training index, so growing the
// training set never changes (or leaks into) the validation set.
constexpr std::int64_t kValIndexOffset = 1'000'000'000;

struct Split {
  const char* name;
  int images;
  std::int64_t firstIndex;
};

std::string imageFileName(int number) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%06d.png", number);
  return buffer;
}

class ProgressReporter {
 public:
  ProgressReporter(ProgressObserver* observer, std::int64_t total) : m_observer(observer), m_total(total) {}
  void report(std::int64_t done, const std::string& detail) {
    if (m_observer == nullptr) return;
    Progress p;
    p.task = "synthetic captions";
    p.done = done;
    p.total = m_total;
    p.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    p.detail = detail;
    m_observer->onProgress(p);
  }

 private:
  ProgressObserver* m_observer;
  std::int64_t m_total;
  std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

// Encodes in memory and writes the bytes ourselves: cv::imwrite was measured 10x slower here
// for small images (libpng's buffers were allocated and trimmed from the heap per file).
Status writePng(const fs::path& file, const cv::Mat& image, std::vector<uchar>& buffer) {
  try {
    if (!cv::imencode(".png", image, buffer)) return Error::at(file.string(), "PNG encoding failed");
  } catch (const cv::Exception& e) {
    return Error::at(file.string(), std::string("PNG encoding failed: ") + e.what());
  }
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
  out.close();
  if (!out) return Error::at(file.string(), "cannot write image (disk full or no permission?)");
  return okStatus();
}

Status validate(const SyntheticCaptionOptions& o) {
  if (o.trainImages < 0 || o.valImages < 0) return Error{"synthetic image counts must not be negative"};
  if (o.imageSize < 8 || o.imageSize > 4096) return Error{"synthetic image size must be in [8, 4096]"};
  if (o.captionsPerImage < 1) return Error{"synthetic captionsPerImage must be at least 1"};
  if (o.questionsPerImage < 0) return Error{"synthetic questionsPerImage must not be negative"};
  if (o.trainImages > 999'999 || o.valImages > 999'999) return Error{"at most 999999 images per split"};
  if (o.domains.empty()) return Error{"choose at least one synthetic domain"};
  for (const std::string& d : o.domains) {
    auto known = parseSyntheticDomains(d);
    if (!known) return known.error();
    if (d == "digits_clocks" || d == "text_signs") {
      // Scene text needs the font: fail before drawing thousands of images without text.
      if (auto font = detail::sceneTextFontPath(); !font) return font.error();
    }
  }
  return okStatus();
}

// What the JSON files need of one generated image; pixels are on disk already.
struct Record {
  std::string domain;
  std::vector<std::string> captions;
  std::vector<QaPair> qa;
};

// Draws, encodes and writes the images of one split on options.threads threads. Slot i of
// `records` belongs to image i, so the JSON order never depends on scheduling.
class SplitWriter {
 public:
  SplitWriter(const SyntheticCaptionOptions& options, const Split& split, const fs::path& imageDir,
              ProgressReporter& reporter, std::int64_t doneBefore, const CancelToken* cancel)
      : m_options(options),
        m_split(split),
        m_imageDir(imageDir),
        m_reporter(reporter),
        m_doneBefore(doneBefore),
        m_cancel(cancel),
        m_records(std::size_t(split.images)) {}

  Status run() {
    std::vector<std::thread> pool;
    for (int t = 1; t < std::max(1, m_options.threads); ++t) pool.emplace_back([this] { work(false); });
    work(true);
    for (auto& t : pool) t.join();
    if (!m_error.empty()) return Error{m_error};
    // The last image may have been another thread's: report the split's end once more.
    m_reporter.report(m_doneBefore + m_done.load(), std::string(m_split.name) + " " + std::to_string(m_done.load()) +
                                                        "/" + std::to_string(m_split.images));
    return okStatus();
  }

  std::vector<Record>& records() { return m_records; }
  bool cancelled() const { return m_cancelled; }

 private:
  void work(bool reports) {
    std::vector<uchar> buffer;
    for (int i = m_next++; i < m_split.images; i = m_next++) {
      if (m_failed || (m_cancel != nullptr && m_cancel->cancelled())) {
        m_cancelled = m_cancel != nullptr && m_cancel->cancelled();
        return;
      }
      try {
        SyntheticSample sample =
            generateSyntheticSample(m_options.seed, m_split.firstIndex + i, m_options.imageSize,
                                    m_options.captionsPerImage, m_options.questionsPerImage, m_options.domains);
        if (auto written = writePng(m_imageDir / imageFileName(i + 1), sample.image, buffer); !written) {
          fail(written.error().message);
          return;
        }
        m_records[std::size_t(i)] = {sample.scene.domain, std::move(sample.captions), std::move(sample.qa)};
      } catch (const std::exception& e) {
        fail(std::string("synthetic image ") + std::to_string(i + 1) + ": " + e.what());
        return;
      }
      const std::int64_t done = ++m_done;
      // One thread reports, so the observer is never called concurrently.
      if (reports) {
        m_reporter.report(m_doneBefore + done, std::string(m_split.name) + " " + std::to_string(done) + "/" +
                                                   std::to_string(m_split.images));
      }
    }
  }

  void fail(const std::string& message) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_error.empty()) m_error = message;
    m_failed = true;
  }

  const SyntheticCaptionOptions& m_options;
  const Split& m_split;
  fs::path m_imageDir;
  ProgressReporter& m_reporter;
  std::int64_t m_doneBefore;
  const CancelToken* m_cancel;
  std::vector<Record> m_records;
  std::atomic<int> m_next{0};
  std::atomic<std::int64_t> m_done{0};
  std::atomic<bool> m_failed{false}, m_cancelled{false};
  std::mutex m_mutex;
  std::string m_error;
};

std::string joinedDomains(const SyntheticCaptionOptions& options) {
  std::string joined;
  for (const auto& d : options.domains) joined += (joined.empty() ? "" : ",") + d;
  return joined;
}

// Everything the images and texts depend on, so a project can tell a stale set from its config.
nlohmann::json settingsInfo(const SyntheticCaptionOptions& options, const Split& split, const char* description) {
  return {{"description", description},
          {"generator", "vimoe"},
          {"seed", options.seed},
          {"image_size", options.imageSize},
          {"image_count", split.images},
          {"captions_per_image", options.captionsPerImage},
          {"questions_per_image", options.questionsPerImage},
          {"domains", joinedDomains(options)},
          {"first_index", split.firstIndex}};
}

nlohmann::json captionsDocument(const SyntheticCaptionOptions& options, const Split& split,
                                const std::vector<Record>& records) {
  nlohmann::json images = nlohmann::json::array(), annotations = nlohmann::json::array();
  std::int64_t annotationId = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const int number = int(i) + 1;
    images.push_back({{"id", number},
                      {"file_name", std::string(split.name) + "/" + imageFileName(number)},
                      {"height", options.imageSize},
                      {"width", options.imageSize},
                      {"domain", records[i].domain}});
    for (const std::string& caption : records[i].captions)
      annotations.push_back({{"id", ++annotationId}, {"image_id", number}, {"caption", caption}});
  }
  return {{"info", settingsInfo(options, split, "ViMoE synthetic Vietnamese captions")},
          {"images", std::move(images)},
          {"annotations", std::move(annotations)}};
}

nlohmann::json vqaDocument(const SyntheticCaptionOptions& options, const Split& split,
                           const std::vector<Record>& records) {
  nlohmann::json images = nlohmann::json::array(), annotations = nlohmann::json::array();
  std::int64_t questionId = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const int number = int(i) + 1;
    images.push_back({{"id", number},
                      {"filename", std::string(split.name) + "/" + imageFileName(number)},
                      {"domain", records[i].domain}});
    for (const QaPair& q : records[i].qa) {
      annotations.push_back({{"id", ++questionId},
                             {"image_id", number},
                             {"question", q.question},
                             {"answers", q.answers},
                             {"type", q.type}});
    }
  }
  return {{"info", settingsInfo(options, split, "ViMoE synthetic Vietnamese VQA")},
          {"images", std::move(images)},
          {"annotations", std::move(annotations)}};
}

}  // namespace

bool syntheticDatasetMatches(const std::string& root, const SyntheticCaptionOptions& options) {
  const Split splits[] = {{"train", options.trainImages, 0}, {"val", options.valImages, kValIndexOffset}};
  for (const Split& split : splits) {
    for (const char* prefix : {"captions_", "vqa_"}) {
      if (std::string(prefix) == "vqa_" && options.questionsPerImage == 0) continue;
      const std::string path = (fs::path(root) / (std::string(prefix) + split.name + ".json")).string();
      auto text = readWholeFile(path);
      if (!text) return false;
      const auto parsed = parseJson(path, *text);
      if (!parsed || !parsed->is_object() || !parsed->contains("info") || !(*parsed)["info"].is_object()) return false;
      const nlohmann::json& doc = *parsed;
      nlohmann::json wanted = settingsInfo(options, split, "");
      nlohmann::json found = doc["info"];
      wanted.erase("description");
      found.erase("description");
      if (found != wanted) return false;
    }
  }
  return true;
}

bool syntheticCaptionsChanged(const std::string& root, const SyntheticCaptionOptions& options) {
  const std::string path = (fs::path(root) / "captions_train.json").string();
  auto text = readWholeFile(path);
  if (!text) return true;
  const auto parsed = parseJson(path, *text);
  if (!parsed || !parsed->is_object() || !parsed->contains("info") || !(*parsed)["info"].is_object()) return true;
  const nlohmann::json& doc = *parsed;
  const auto& info = doc["info"];
  // Sets written before domains existed hold the shapes domain only.
  try {
    const std::string domains = info.value("domains", std::string("shapes"));
    return info.value("seed", std::uint64_t(0)) != options.seed || domains != joinedDomains(options) ||
           info.value("captions_per_image", options.captionsPerImage) != options.captionsPerImage;
  } catch (const nlohmann::json::exception&) {
    return true;  // value() throws on a hand-edited field of another type: treat the set as changed
  }
}

Status writeSyntheticCaptionDataset(const std::string& root, const SyntheticCaptionOptions& options,
                                    ProgressObserver* progress, const CancelToken* cancel) {
  if (auto valid = validate(options); !valid.ok()) return valid;
  const Split splits[] = {{"train", options.trainImages, 0}, {"val", options.valImages, kValIndexOffset}};

  // An old annotation file would make a half-rewritten dataset look complete: remove first.
  std::error_code ec;
  for (const Split& split : splits) {
    for (const char* prefix : {"captions_", "vqa_"}) {
      fs::remove(fs::path(root) / (std::string(prefix) + split.name + ".json"), ec);
      if (ec) return Error::at(root, "cannot remove the old annotation file: " + ec.message());
    }
  }

  ProgressReporter reporter(progress, std::int64_t(options.trainImages) + options.valImages);
  std::int64_t done = 0;
  std::vector<std::pair<std::string, std::string>> jsonFiles;
  for (const Split& split : splits) {
    const fs::path imageDir = fs::path(root) / "images" / split.name;
    fs::create_directories(imageDir, ec);
    if (ec) return Error::at(imageDir.string(), "cannot create directory: " + ec.message());
    SplitWriter writer(options, split, imageDir, reporter, done, cancel);
    if (auto status = writer.run(); !status) return status;
    if (writer.cancelled() || (cancel != nullptr && cancel->cancelled())) {
      return Error{"synthetic dataset generation cancelled; no annotation files were written"};
    }
    done += split.images;
    // ensure_ascii off: captions stay readable Vietnamese in the file.
    jsonFiles.emplace_back((fs::path(root) / (std::string("captions_") + split.name + ".json")).string(),
                           captionsDocument(options, split, writer.records()).dump(1, ' ', false));
    if (options.questionsPerImage > 0) {
      jsonFiles.emplace_back((fs::path(root) / (std::string("vqa_") + split.name + ".json")).string(),
                             vqaDocument(options, split, writer.records()).dump(1, ' ', false));
    }
  }
  // Last, after every image exists.
  for (const auto& [path, contents] : jsonFiles) {
    if (auto written = writeFileAtomically(path, contents); !written.ok()) return written;
  }
  return okStatus();
}

}  // namespace vimoe::data
