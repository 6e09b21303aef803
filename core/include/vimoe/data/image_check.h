// Whether an image file is usable: it decodes with OpenCV and, for JPEG and PNG, ends where
// the format says it ends. A truncated JPEG still decodes (libjpeg pads it with grey and
// only warns), so the end marker is what tells a cut-off download.
#pragma once

#include <string>

#include "vimoe/data/sample.h"
#include "vimoe/util/expected.h"

namespace vimoe::data {

// Error says why: unreadable, not an image, truncated (no JPEG EOI / PNG IEND), undecodable.
Status checkImageFile(const std::string& path);

// Checks every sample's image on `threads` threads; samples whose image fails are removed
// and reported as UnreadableImage problems of their record.
void verifySampleImages(Dataset& dataset, int threads);

}  // namespace vimoe::data
