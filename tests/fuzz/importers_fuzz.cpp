// libFuzzer target for the dataset importers: every input goes through format detection and
// each JSON and CSV importer. Malformed bytes must give an Error or problems, never a crash,
// a hang or a sanitizer report. Run by ctest for a bounded time (see CMakeLists.txt).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "vimoe/data/dataset_import.h"

namespace {

std::string scratch(const char* name) {
  return "/tmp/vimoe-fuzz-" + std::to_string(::getpid()) + "-" + name;
}

void writeFile(const std::string& path, const std::uint8_t* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vimoe::data;
  static const std::string json = scratch("input.json"), csv = scratch("input.csv"), index = scratch("index.json");
  static const bool indexWritten = [] {
    std::ofstream(index) << R"({"images": [{"id": 9, "file_name": "a.jpg"}, {"id": 42, "file_name": "b.jpg"}]})";
    return true;
  }();
  (void)indexWritten;
  writeFile(json, data, size);
  writeFile(csv, data, size);
  ImportOptions options;
  options.checkImagesExist = false;  // the images are not the point here; the parsers are
  (void)detectFormat(json);
  (void)detectFormat(csv);
  (void)importCocoCaptions(json, "/tmp", options);
  (void)importOpenViVqa(json, "/tmp", options);
  (void)importVqaList(json, "viocrvqa", "/tmp", options);
  (void)importVqaList(json, "evjvqa", "/tmp", options);
  (void)importViVqa(csv, {index}, "/tmp", options);
  return 0;
}
