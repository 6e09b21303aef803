#include "vimoe/data/data_problem.h"

namespace vimoe::data {

const char* problemKindName(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::Malformed:
      return "malformed";
    case ProblemKind::MissingImage:
      return "missing_image";
    case ProblemKind::UnreadableImage:
      return "unreadable_image";
    case ProblemKind::EmptyText:
      return "empty_text";
    case ProblemKind::DuplicateId:
      return "duplicate_id";
    case ProblemKind::DanglingImageId:
      return "dangling_image_id";
    case ProblemKind::EscapingPath:
      return "escaping_path";
    case ProblemKind::PlaceholderAnswer:
      return "placeholder_answer";
    case ProblemKind::InvalidUtf8:
      return "invalid_utf8";
    case ProblemKind::MixedNormalisation:
      return "mixed_nfc_nfd";
    case ProblemKind::UnusedImage:
      return "unused_image";
  }
  return "unknown";
}

std::string DataProblem::toString() const {
  std::string where = record;
  if (!field.empty()) where += (where.empty() ? "" : ".") + field;
  return file + ": " + (where.empty() ? "" : where + ": ") + message;
}

ProblemCounts countProblems(const std::vector<DataProblem>& problems) {
  ProblemCounts counts{};
  for (const DataProblem& p : problems) ++counts[static_cast<std::size_t>(p.kind)];
  return counts;
}

}  // namespace vimoe::data
