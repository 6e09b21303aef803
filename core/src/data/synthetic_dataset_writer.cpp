// writeSyntheticCaptionDataset: PNGs first, the two COCO JSON files last and atomically, so
// a dataset whose JSON exists is complete.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#include "vimoe/data/synthetic_captions.h"
#include "vimoe/util/atomic_file.h"

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
  if (o.trainImages > 999'999 || o.valImages > 999'999) return Error{"at most 999999 images per split"};
  return okStatus();
}

}  // namespace

Status writeSyntheticCaptionDataset(const std::string& root, const SyntheticCaptionOptions& options,
                                    ProgressObserver* progress, const CancelToken* cancel) {
  if (auto valid = validate(options); !valid.ok()) return valid;
  const Split splits[] = {{"train", options.trainImages, 0}, {"val", options.valImages, kValIndexOffset}};

  // An old annotation file would make a half-rewritten dataset look complete: remove first.
  std::error_code ec;
  for (const Split& split : splits) {
    fs::remove(fs::path(root) / (std::string("captions_") + split.name + ".json"), ec);
    if (ec) return Error::at(root, "cannot remove the old annotation file: " + ec.message());
  }

  ProgressReporter reporter(progress, std::int64_t(options.trainImages) + options.valImages);
  std::int64_t done = 0;
  std::vector<std::pair<std::string, std::string>> jsonFiles;
  for (const Split& split : splits) {
    const fs::path imageDir = fs::path(root) / "images" / split.name;
    fs::create_directories(imageDir, ec);
    if (ec) return Error::at(imageDir.string(), "cannot create directory: " + ec.message());

    nlohmann::json images = nlohmann::json::array(), annotations = nlohmann::json::array();
    std::vector<uchar> pngBuffer;
    std::int64_t annotationId = 0;
    for (int i = 0; i < split.images; ++i) {
      if (cancel != nullptr && cancel->cancelled()) {
        return Error{"synthetic dataset generation cancelled after " + std::to_string(done) +
                     " images; no annotation files were written"};
      }
      const int number = i + 1;
      const SyntheticSample sample =
          generateSyntheticCaption(options.seed, split.firstIndex + i, options.imageSize, options.captionsPerImage);
      const fs::path file = imageDir / imageFileName(number);
      if (auto written = writePng(file, sample.image, pngBuffer); !written.ok()) return written;

      images.push_back({{"id", number},
                        {"file_name", std::string(split.name) + "/" + imageFileName(number)},
                        {"height", options.imageSize},
                        {"width", options.imageSize},
                        {"domain", sample.scene.domain}});
      for (const std::string& caption : sample.captions) {
        annotations.push_back({{"id", ++annotationId}, {"image_id", number}, {"caption", caption}});
      }
      reporter.report(++done,
                      std::string(split.name) + " " + std::to_string(number) + "/" + std::to_string(split.images));
    }
    const nlohmann::json document = {{"info",
                                      {{"description", "ViMoE synthetic Vietnamese shapes captions"},
                                       {"seed", options.seed},
                                       {"image_size", options.imageSize},
                                       {"first_index", split.firstIndex}}},
                                     {"images", std::move(images)},
                                     {"annotations", std::move(annotations)}};
    // ensure_ascii off: captions stay readable Vietnamese in the file.
    jsonFiles.emplace_back((fs::path(root) / (std::string("captions_") + split.name + ".json")).string(),
                           document.dump(1, ' ', false));
  }
  // Last, after every image exists.
  for (const auto& [path, contents] : jsonFiles) {
    if (auto written = writeFileAtomically(path, contents); !written.ok()) return written;
  }
  return okStatus();
}

}  // namespace vimoe::data
