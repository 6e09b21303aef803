#include "vimoe/data/image_check.h"

#include <atomic>
#include <opencv2/imgcodecs.hpp>
#include <thread>

#include "vimoe/util/atomic_file.h"

namespace vimoe::data {
namespace {

bool startsWith(const std::string& bytes, const char* magic, std::size_t n) {
  return bytes.size() >= n && bytes.compare(0, n, magic, n) == 0;
}

// JPEG ends with the EOI marker FF D9; some writers pad a few zero bytes after it.
bool jpegComplete(const std::string& bytes) {
  std::size_t end = bytes.size();
  while (end > 2 && bytes[end - 1] == '\0' && bytes.size() - end < 16) --end;
  return end >= 4 && static_cast<unsigned char>(bytes[end - 2]) == 0xFF &&
         static_cast<unsigned char>(bytes[end - 1]) == 0xD9;
}

// PNG ends with the IEND chunk: length 0, type "IEND", CRC AE 42 60 82.
bool pngComplete(const std::string& bytes) {
  static const char kIend[] = "\0\0\0\0IEND\xAE\x42\x60\x82";
  return bytes.size() >= 12 && bytes.compare(bytes.size() - 12, 12, kIend, 12) == 0;
}

}  // namespace

Status checkImageFile(const std::string& path) {
  auto bytes = readWholeFile(path);
  if (!bytes) return Error::at(path, "unreadable image file");
  if (bytes->empty()) return Error::at(path, "empty image file");
  if (startsWith(*bytes, "\xFF\xD8\xFF", 3) && !jpegComplete(*bytes))
    return Error::at(path, "truncated JPEG (no end-of-image marker); re-download it");
  if (startsWith(*bytes, "\x89PNG\r\n\x1A\n", 8) && !pngComplete(*bytes))
    return Error::at(path, "truncated PNG (no IEND chunk); re-download it");
  cv::Mat decoded;
  try {
    const cv::Mat raw(1, static_cast<int>(bytes->size()), CV_8UC1, bytes->data());
    decoded = cv::imdecode(raw, cv::IMREAD_COLOR);
  } catch (const cv::Exception&) {
    decoded.release();
  }
  if (decoded.empty()) return Error::at(path, "not a decodable image");
  return okStatus();
}

void verifySampleImages(Dataset& dataset, int threads) {
  std::vector<std::string> why(dataset.samples.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < dataset.samples.size(); i = next++) {
      if (auto ok = checkImageFile(dataset.samples[i].imagePath); !ok) why[i] = ok.error().message;
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < std::max(1, threads); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();

  std::vector<Sample> kept;
  for (std::size_t i = 0; i < dataset.samples.size(); ++i) {
    Sample& s = dataset.samples[i];
    if (why[i].empty()) {
      kept.push_back(std::move(s));
    } else {
      dataset.problems.push_back({s.sourceFile, s.record, s.fileField, why[i], ProblemKind::UnreadableImage});
    }
  }
  dataset.samples = std::move(kept);
}

}  // namespace vimoe::data
