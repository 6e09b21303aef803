#include "metrics/sample_matching.h"

namespace vimoe::metrics::detail {
namespace {

// "id 'x'" or, when several are affected, "N ids, the first 'x'": the count tells a truncated
// file from a single typo.
std::string describe(const std::vector<std::string>& ids, const char* what) {
  if (ids.size() == 1) return std::string(what) + " id '" + ids.front() + "'";
  return std::to_string(ids.size()) + " " + what + " ids (the first: '" + ids.front() + "')";
}

Expected<std::unordered_map<std::string, std::size_t>> indexIds(const std::vector<std::string>& ids, const char* what) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!index.emplace(ids[i], i).second)
      return Error{std::string(what) + " id '" + ids[i] + "' appears more than once (entries " +
                   std::to_string(index[ids[i]]) + " and " + std::to_string(i) + ")"};
  return index;
}

}  // namespace

Expected<std::vector<std::size_t>> matchPredictions(const std::vector<std::string>& predictionIds,
                                                    const std::vector<std::string>& referenceIds) {
  if (predictionIds.empty() && referenceIds.empty()) return Error{"nothing to score: no predictions and no references"};
  auto predictions = indexIds(predictionIds, "prediction");
  if (!predictions) return predictions.error();
  auto references = indexIds(referenceIds, "reference");
  if (!references) return references.error();

  std::vector<std::size_t> matched;
  std::vector<std::string> unpredicted, unreferenced;
  for (const std::string& id : referenceIds) {
    const auto it = predictions->find(id);
    if (it == predictions->end())
      unpredicted.push_back(id);
    else
      matched.push_back(it->second);
  }
  for (const std::string& id : predictionIds)
    if (references->count(id) == 0) unreferenced.push_back(id);
  if (!unpredicted.empty())
    return Error{describe(unpredicted, "reference") + " ha" + (unpredicted.size() == 1 ? "s" : "ve") +
                 " no prediction: every reference needs one (score the whole split)"};
  if (!unreferenced.empty())
    return Error{describe(unreferenced, "prediction") + " ha" + (unreferenced.size() == 1 ? "s" : "ve") +
                 " no references: check that both files come from the same split"};
  return matched;
}

}  // namespace vimoe::metrics::detail
