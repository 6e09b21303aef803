// One problem found in a dataset, named precisely enough to fix it by hand: the file, the
// record ("annotations[12]", "line 7", "annotations[\"4031\"]") and the field. The kind lets
// `vimoe data validate` end with counts per kind.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace vimoe::data {

enum class ProblemKind {
  Malformed,          // wrong type, missing field, bad value
  MissingImage,       // the image file does not exist
  UnreadableImage,    // the file exists but does not decode, or is truncated
  EmptyText,          // empty caption or question
  DuplicateId,        // an image or question id seen before
  DanglingImageId,    // image_id / img_id that matches no image
  EscapingPath,       // file name leaves the dataset root ('..', absolute)
  PlaceholderAnswer,  // published test files hold "your answer": flagged, never scored
  InvalidUtf8,
  MixedNormalisation,  // NFD text in a file that is otherwise NFC
  UnusedImage,         // an image no annotation refers to
};
inline constexpr std::size_t kProblemKindCount = 11;

// Stable snake_case name, used in counts and JSON output.
const char* problemKindName(ProblemKind kind);

struct DataProblem {
  std::string file;
  std::string record;  // e.g. "annotations[12]" or "images[3]"
  std::string field;   // e.g. "caption"
  std::string message;
  ProblemKind kind = ProblemKind::Malformed;
  std::string toString() const;
};

using ProblemCounts = std::array<std::size_t, kProblemKindCount>;
ProblemCounts countProblems(const std::vector<DataProblem>& problems);

}  // namespace vimoe::data
