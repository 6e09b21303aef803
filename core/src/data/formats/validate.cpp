#include "vimoe/data/validate.h"

#include <algorithm>
#include <filesystem>

#include "data/tolerant_json.h"
#include "vimoe/data/image_check.h"

namespace vimoe::data {
namespace {

namespace fs = std::filesystem;

bool isSpecFile(const std::string& file) {
  auto doc = detail::readJsonTolerant(file);
  return doc && doc->is_object() && doc->contains("files") && !doc->contains("images");
}

// Annotation candidates in a folder: *.json / *.csv at the top and one level down in the
// folders datasets put them in. Images folders are never walked.
std::vector<std::string> candidateFiles(const fs::path& folder) {
  std::vector<std::string> files;
  for (const fs::path& dir : {folder, folder / "data", folder / "annotations"}) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".json" || ext == ".csv")) files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

Expected<std::vector<DatasetSpec>> datasetSpecsForPath(const std::string& path, const ValidateOptions& options) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Error::at(path, "no such file or folder");
  if (fs::is_regular_file(path, ec)) {
    if (fs::path(path).extension() == ".json" && isSpecFile(path)) {
      auto spec = loadDatasetSpec(path);
      if (!spec) return spec.error();
      if (!options.format.empty()) spec->format = options.format;
      if (!options.imageDir.empty()) spec->imageDir = fs::absolute(options.imageDir).string();
      return std::vector<DatasetSpec>{*spec};
    }
    DatasetSpec spec;
    spec.format = options.format;
    spec.root = fs::path(path).parent_path().string();
    if (spec.root.empty()) spec.root = ".";
    spec.files = {fs::path(path).filename().string()};
    spec.imageDir = options.imageDir.empty() ? "" : fs::absolute(options.imageDir).string();
    // ViOCRVQA keeps its JSON in data/ and the images beside data/.
    if (spec.imageDir.empty() && !fs::is_directory(fs::path(spec.root) / "images", ec) &&
        fs::is_directory(fs::path(spec.root).parent_path() / "images", ec))
      spec.imageDir = (fs::path(spec.root).parent_path() / "images").string();
    return std::vector<DatasetSpec>{spec};
  }
  const std::vector<std::string> files = candidateFiles(path);
  if (files.empty()) return Error::at(path, "no *.json or *.csv annotation file in this folder");
  // Group files by format; ViVQA CSVs take the COCO JSON files as their image index.
  std::vector<std::string> csv, json;
  for (const auto& f : files) (fs::path(f).extension() == ".csv" ? csv : json).push_back(f);
  DatasetSpec base;
  base.root = path;
  base.format = options.format;
  base.imageDir = options.imageDir.empty() ? "" : fs::absolute(options.imageDir).string();
  std::vector<DatasetSpec> specs;
  if (!csv.empty()) {
    DatasetSpec vivqa = base;
    vivqa.format = "vivqa";
    vivqa.files = csv;
    for (const auto& j : json) {
      auto format = detectFormat(j);
      if (format && *format == "coco_captions") {
        vivqa.imageIndex.push_back(j);
      } else {
        DatasetSpec other = base;
        other.files = {j};
        specs.push_back(other);
      }
    }
    specs.insert(specs.begin(), vivqa);
  } else {
    for (const auto& j : json) {
      if (isSpecFile(j)) continue;  // a spec beside its data: the data is read directly
      DatasetSpec one = base;
      one.files = {j};
      specs.push_back(one);
    }
  }
  return specs;
}

Expected<Dataset> validateDatasetPath(const std::string& path, const ValidateOptions& options) {
  auto specs = datasetSpecsForPath(path, options);
  if (!specs) return specs.error();
  ImportOptions import;
  import.checkImagesExist = true;
  Dataset all;
  std::vector<std::string> errors;
  for (const DatasetSpec& spec : *specs) {
    auto part = importDataset(spec, import);
    if (!part) {
      errors.push_back(part.error().message);
      continue;
    }
    if (options.verifyImages) verifySampleImages(*part, options.threads);
    all.format = all.format.empty() || all.format == part->format ? part->format : "mixed";
    for (auto& f : part->files) all.files.push_back(std::move(f));
    for (auto& s : part->samples) all.samples.push_back(std::move(s));
    for (auto& p : part->problems) all.problems.push_back(std::move(p));
  }
  if (all.files.empty()) {
    std::string message;
    for (const auto& e : errors) message += (message.empty() ? "" : "\n") + e;
    return Error{message};
  }
  for (const auto& e : errors) all.problems.push_back({"", "", "", e});
  return all;
}

}  // namespace vimoe::data
