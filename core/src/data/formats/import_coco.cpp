// UIT-ViIC and KTVIC through the COCO-captions loader the trainer uses, converted to samples.
#include "vimoe/data/coco_captions.h"
#include "vimoe/data/dataset_import.h"

namespace vimoe::data {

Expected<Dataset> importCocoCaptions(const std::string& file, const std::string& imageDir,
                                     const ImportOptions& options) {
  auto loaded = loadCocoCaptions(file, imageDir, options.checkImagesExist);
  if (!loaded) return loaded.error();
  Dataset out;
  out.format = "coco_captions";
  out.files.push_back(file);
  out.problems = std::move(loaded->problems);
  for (CaptionImage& image : loaded->images) {
    Sample sample;
    sample.imageId = std::to_string(image.id);
    sample.fileName = std::move(image.fileName);
    sample.imagePath = std::move(image.imagePath);
    sample.domain = std::move(image.domain);
    sample.captions = std::move(image.captions);
    // The COCO loader (shared with the trainer) writes the traditional placement.
    if (options.tone != text::ToneStyle::Traditional)
      for (auto& c : sample.captions) c = text::applyToneStyle(c, options.tone);
    sample.sourceFile = file;
    sample.record = "images[" + std::to_string(image.recordIndex) + "]";
    sample.fileField = "file_name";
    out.samples.push_back(std::move(sample));
  }
  return out;
}

}  // namespace vimoe::data
