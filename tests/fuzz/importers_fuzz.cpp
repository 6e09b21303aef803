// libFuzzer target for the dataset importers: every input goes through format detection and
// each JSON and CSV importer. Malformed bytes must give an Error or problems in our words,
// never a crash, a hang, a sanitizer report or nlohmann's exception text. Run by ctest for a
// bounded time (see CMakeLists.txt); tests/fuzz/regressions/importers holds past crashes.
#include <cstdint>
#include <fstream>
#include <string>

#include "fuzz_support.h"
#include "vimoe/data/dataset_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const vimoe::fuzz::MessageCheck requireOwnMessage(data, size);
  using namespace vimoe::data;
  static const std::string json = vimoe::fuzz::scratch("input.json"), csv = vimoe::fuzz::scratch("input.csv"),
                           index = vimoe::fuzz::scratch("index.json");
  static const bool indexWritten = [] {
    std::ofstream(index) << R"({"images": [{"id": 9, "file_name": "a.jpg"}, {"id": 42, "file_name": "b.jpg"}]})";
    return true;
  }();
  (void)indexWritten;
  vimoe::fuzz::writeFile(json, data, size);
  vimoe::fuzz::writeFile(csv, data, size);
  ImportOptions options;
  options.checkImagesExist = false;  // the images are not the point here; the parsers are
  requireOwnMessage(detectFormat(json));
  requireOwnMessage(detectFormat(csv));
  requireOwnMessage(importCocoCaptions(json, "/tmp", options));
  requireOwnMessage(importOpenViVqa(json, "/tmp", options));
  requireOwnMessage(importVqaList(json, "viocrvqa", "/tmp", options));
  requireOwnMessage(importVqaList(json, "evjvqa", "/tmp", options));
  requireOwnMessage(importViVqa(csv, {index}, "/tmp", options));
  requireOwnMessage(loadDatasetSpec(json));
  return 0;
}
