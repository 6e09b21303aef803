// Where a dataset keeps its images, found as the releases lay them out, so importing a folder
// just downloaded needs no --images: COCO-style train2017/ val2017/ train2014/ val2014/
// (UIT-ViIC, KTVIC), training-images/ dev-images/ test-images/ (OpenViVQA, UIT-EVJVQA), images/
// (ViOCRVQA, ViTextVQA, the synthetic set), beside the annotation file or one folder up.
#pragma once

#include <string>
#include <vector>

namespace vimoe::data::detail {

// The image names an annotation file mentions (quoted strings or CSV fields ending in an image
// extension), the first `limit` of them: enough to tell the folders apart.
std::vector<std::string> mentionedImageNames(const std::string& annotationFile, std::size_t limit = 32);

// Of the published places around `annotationFile`, the folder holding most of the names it
// mentions; "" when none holds any (the caller then keeps its default).
std::string findImageDir(const std::string& annotationFile);

}  // namespace vimoe::data::detail
