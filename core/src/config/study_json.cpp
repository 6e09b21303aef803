// Study files: a base experiment config plus named variants of `key=value` overrides.
#include <algorithm>
#include <exception>

#include "config/config_document.h"
#include "config/field_visitor.h"
#include "config/json_reader.h"
#include "vimoe/config/config_io.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::config {
namespace {

using nlohmann::json;

std::string indexPath(const std::string& prefix, std::size_t index) {
  return prefix + "[" + std::to_string(index) + "]";
}

void reportUnknownKeys(const json& object, const std::string& prefix, const std::vector<std::string>& known,
                       std::vector<ConfigIssue>& issues) {
  for (const auto& item : object.items()) {
    if (std::find(known.begin(), known.end(), item.key()) == known.end())
      issues.push_back({joinPath(prefix, item.key()), unknownKeyMessage(item.key(), known)});
  }
}

void readRequiredText(const json& object, const std::string& prefix, const char* key, std::string& out,
              std::vector<ConfigIssue>& issues) {
  const auto it = object.find(key);
  if (it == object.end()) {
    issues.push_back({prefix, std::string("missing required key '") + key + "'"});
  } else if (!it->is_string()) {
    issues.push_back({joinPath(prefix, key), "expected a string, got " + shortJsonText(*it)});
  } else if (it->get<std::string>().empty()) {
    issues.push_back({joinPath(prefix, key), "must not be empty"});
  } else {
    out = it->get<std::string>();
  }
}

// Overrides are checked for syntax here, by applying them to a scratch document, so a typo
// surfaces when the study is loaded rather than when its third variant starts. Whether the
// keys exist is checked when each variant's experiment config is parsed.
void readOverrides(const json& object, const std::string& prefix, const char* key, std::vector<std::string>& out,
                   std::vector<ConfigIssue>& issues) {
  const auto it = object.find(key);
  if (it == object.end()) return;
  const std::string path = joinPath(prefix, key);
  if (!it->is_array()) {
    issues.push_back({path, "expected an array of \"key=value\" strings, got " + shortJsonText(*it)});
    return;
  }
  json scratch = json::object();
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& item = (*it)[i];
    if (!item.is_string()) {
      issues.push_back({indexPath(path, i), "expected a \"key=value\" string, got " + shortJsonText(item)});
      continue;
    }
    const Status applied = applyOverride(scratch, item.get<std::string>());
    if (!applied) issues.push_back({indexPath(path, i), applied.error().message});
    out.push_back(item.get<std::string>());
  }
}

void readVariants(const json& doc, std::vector<StudyVariant>& out, std::vector<ConfigIssue>& issues) {
  const auto it = doc.find("variants");
  if (it == doc.end()) {
    issues.push_back({"", "missing required key 'variants'"});
    return;
  }
  if (!it->is_array()) {
    issues.push_back({"variants", "expected an array, got " + shortJsonText(*it)});
    return;
  }
  if (it->empty()) issues.push_back({"variants", "needs at least one variant"});
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& item = (*it)[i];
    const std::string prefix = indexPath("variants", i);
    if (!item.is_object()) {
      issues.push_back({prefix, "expected an object, got " + shortJsonText(item)});
      continue;
    }
    StudyVariant variant;
    readRequiredText(item, prefix, "name", variant.name, issues);
    readOverrides(item, prefix, "overrides", variant.overrides, issues);
    reportUnknownKeys(item, prefix, {"name", "overrides"}, issues);
    // Variant names become run names and folder names, so two with one name would collide.
    const auto same = std::find_if(out.begin(), out.end(), [&](const StudyVariant& v) { return v.name == variant.name; });
    if (!variant.name.empty() && same != out.end()) {
      issues.push_back({prefix + ".name", "duplicate variant name '" + variant.name + "' (also " +
                                              indexPath("variants", static_cast<std::size_t>(same - out.begin())) + ")"});
    }
    out.push_back(std::move(variant));
  }
}

}  // namespace

Expected<StudyConfig> parseStudyConfig(const std::string& jsonText, const std::string& sourceName) {
  try {
    Expected<json> doc = parseJsonDocument(jsonText, sourceName);
    if (!doc) return doc.error();
    std::vector<ConfigIssue> issues;
    if (!doc->is_object()) {
      issues.push_back({"", "expected an object, got " + shortJsonText(*doc)});
      return issuesError(sourceName, issues);
    }
    StudyConfig study;
    readRequiredText(*doc, "", "name", study.name, issues);
    readRequiredText(*doc, "", "base", study.base, issues);
    readVariants(*doc, study.variants, issues);
    readOverrides(*doc, "", "smoke_overrides", study.smoke_overrides, issues);
    reportUnknownKeys(*doc, "", {"name", "description", "base", "variants", "smoke_overrides"}, issues);  // description: for people only
    if (!issues.empty()) return issuesError(sourceName, issues);
    return study;
  } catch (const std::exception& e) {
    return Error{sourceName + ": " + e.what()};
  }
}

Expected<StudyConfig> loadStudyConfig(const std::string& path) {
  Expected<std::string> text = readWholeFile(path);
  if (!text) return text.error();
  return parseStudyConfig(*text, path);
}

}  // namespace vimoe::config
