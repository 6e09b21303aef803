// applyOverride: the `--set key=value` syntax shared by the CLI and study variants.
#include <string>
#include <vector>

#include "config/json_reader.h"
#include "vimoe/config/config_io.h"
#include "vimoe/util/json_read.h"

namespace vimoe::config {
namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> keys;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    keys.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) return keys;
    start = dot + 1;
  }
}

// A bare word like `top_k` or `runs/a` is meant as a string; only valid JSON is taken as JSON.
nlohmann::json parseValue(const std::string& text) {
  Expected<nlohmann::json> value = parseJson("override", text);
  if (!value) return text;
  return std::move(*value);
}

}  // namespace

Status applyOverride(nlohmann::json& doc, const std::string& assignment) {
  const std::size_t equals = assignment.find('=');
  if (equals == std::string::npos)
    return Error{"override '" + assignment + "' has no '='; expected key=value, e.g. optim.lr=3e-4"};
  const std::string path = trimmed(assignment.substr(0, equals));
  if (path.empty()) return Error{"override '" + assignment + "' has an empty key; expected key=value, e.g. optim.lr=3e-4"};
  const std::vector<std::string> keys = splitPath(path);
  for (const std::string& key : keys)
    if (key.empty()) return Error{"override '" + assignment + "' has an empty key in the path '" + path + "'"};

  if (doc.is_null()) doc = nlohmann::json::object();
  nlohmann::json* node = &doc;
  std::string walked;
  for (std::size_t i = 0;; ++i) {
    if (!node->is_object())
      return Error{"override '" + assignment + "': " + (walked.empty() ? "the document" : "'" + walked + "'") +
                   " is not an object (it is " + shortJsonText(*node) + ")"};
    if (i + 1 == keys.size()) break;
    walked = joinPath(walked, keys[i]);
    auto it = node->find(keys[i]);
    if (it == node->end()) it = node->emplace(keys[i], nlohmann::json::object()).first;
    node = &*it;
  }
  (*node)[keys.back()] = parseValue(assignment.substr(equals + 1));
  return okStatus();
}

}  // namespace vimoe::config
