// Format names, dataset specs and the dispatch from a spec to the importers.
#include "vimoe/data/dataset_import.h"

#include <filesystem>

#include "data/formats/image_dir_finder.h"
#include "data/tolerant_json.h"

namespace vimoe::data {
namespace fs = std::filesystem;

const std::vector<std::string>& datasetFormats() {
  static const std::vector<std::string> kFormats = {"coco_captions", "vivqa",    "openvivqa",    "evjvqa",
                                                    "vitextvqa",     "viocrvqa", "synthetic_vqa"};
  return kFormats;
}

std::string canonicalFormat(const std::string& name) {
  if (name == "uitviic" || name == "uit-viic" || name == "ktvic" || name == "synthetic_captions")
    return "coco_captions";
  if (name == "uit-evjvqa") return "evjvqa";
  for (const std::string& f : datasetFormats())
    if (f == name) return f;
  return {};
}

Expected<DatasetSpec> loadDatasetSpec(const std::string& specFile) {
  auto doc = detail::readJsonTolerant(specFile);
  if (!doc) return doc.error();
  if (!doc->is_object()) return Error::at(specFile, "a dataset spec is an object {format, root, files, ...}");
  DatasetSpec spec;
  const fs::path base = fs::path(specFile).parent_path();
  for (auto it = doc->begin(); it != doc->end(); ++it) {
    const std::string& key = it.key();
    auto stringList = [&](std::vector<std::string>& out) -> Status {
      if (!it->is_array()) return Error::at(specFile, key + ": expected a list of paths");
      for (const auto& item : *it) {
        if (!item.is_string()) return Error::at(specFile, key + ": expected a list of paths");
        out.push_back(item.get<std::string>());
      }
      return okStatus();
    };
    if (key == "files" || key == "image_index") {
      if (auto s = stringList(key == "files" ? spec.files : spec.imageIndex); !s) return s.error();
    } else if (key == "format" || key == "root" || key == "image_dir") {
      if (!it->is_string()) return Error::at(specFile, key + ": expected a string");
      (key == "format" ? spec.format : key == "root" ? spec.root : spec.imageDir) = it->get<std::string>();
    } else {
      return Error::at(specFile, "unknown key '" + key + "' (expected format, root, files, image_dir, image_index)");
    }
  }
  if (!spec.format.empty() && canonicalFormat(spec.format).empty())
    return Error::at(specFile, "format: unknown format '" + spec.format + "'");
  if (spec.files.empty()) return Error::at(specFile, "files: name at least one annotation file");
  spec.root = fs::path(spec.root).is_absolute() ? spec.root : (base / spec.root).lexically_normal().string();
  return spec;
}

namespace {

std::string resolve(const std::string& root, const std::string& path) {
  return fs::path(path).is_absolute() ? path : (fs::path(root) / path).lexically_normal().string();
}

std::string defaultImageDir(const std::string& root) {
  std::error_code ec;
  if (fs::is_directory(fs::path(root) / "images", ec)) return (fs::path(root) / "images").string();
  return root;
}

}  // namespace

Expected<Dataset> importDataset(const DatasetSpec& spec, const ImportOptions& options) {
  const std::string givenImageDir = spec.imageDir.empty() ? "" : resolve(spec.root, spec.imageDir);
  std::vector<std::string> index;
  for (const auto& f : spec.imageIndex) index.push_back(resolve(spec.root, f));
  Dataset merged;
  std::vector<std::string> failures;
  for (const std::string& relative : spec.files) {
    const std::string file = resolve(spec.root, relative);
    std::string format = canonicalFormat(spec.format);
    if (format.empty()) {
      auto detected = detectFormat(file);
      if (!detected) {
        failures.push_back(detected.error().message);
        continue;
      }
      format = *detected;
    }
    // Without an image folder, each file's is found where its release keeps it (train2017/,
    // training-images/, images/ ...); ViVQA's importer looks in train2014/ val2014/ itself.
    std::string imageDir = givenImageDir;
    if (imageDir.empty() && format != "vivqa") imageDir = detail::findImageDir(file);
    if (imageDir.empty()) imageDir = defaultImageDir(spec.root);
    Expected<Dataset> part = format == "coco_captions" ? importCocoCaptions(file, imageDir, options)
                             : format == "vivqa"       ? importViVqa(file, index, imageDir, options)
                             : format == "openvivqa"   ? importOpenViVqa(file, imageDir, options)
                                                       : importVqaList(file, format, imageDir, options);
    if (!part) {
      failures.push_back(part.error().message);
      continue;
    }
    merged.format = merged.format.empty() || merged.format == part->format ? part->format : "mixed";
    merged.files.push_back(file);
    for (auto& s : part->samples) merged.samples.push_back(std::move(s));
    for (auto& p : part->problems) merged.problems.push_back(std::move(p));
  }
  if (merged.files.empty()) {
    std::string all;
    for (const auto& f : failures) all += (all.empty() ? "" : "\n") + f;
    return Error{all.empty() ? "no annotation file to read" : all};
  }
  // A file that could not be read at all is one problem of the dataset.
  for (const auto& f : failures) {
    const std::size_t colon = f.find(": ");
    merged.problems.push_back(colon == std::string::npos
                                  ? DataProblem{"", "", "", f}
                                  : DataProblem{f.substr(0, colon), "", "", f.substr(colon + 2)});
  }
  return merged;
}

}  // namespace vimoe::data
