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

void readOptionalText(const json& object, const std::string& prefix, const char* key, const std::vector<std::string>& allowed,
                      std::string& out, std::vector<ConfigIssue>& issues) {
  const auto it = object.find(key);
  if (it == object.end()) return;
  const std::string value = it->is_string() ? it->get<std::string>() : "";
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    issues.push_back({joinPath(prefix, key), "expected one of " + list + ", got " + shortJsonText(*it)});
    return;
  }
  out = value;
}

// {"name": "imported", "import": "@pretrain", "via": "open-clip"} or {"import": "pretrained/clip", "format": "hf-clip"}
void readImport(const json& item, const std::string& prefix, StudyVariant& variant, std::vector<ConfigIssue>& issues) {
  if (item.find("import") == item.end()) {
    for (const char* key : {"format", "via"})
      if (item.find(key) != item.end()) issues.push_back({joinPath(prefix, key), "only an import step (with \"import\") takes it"});
    return;
  }
  readRequiredText(item, prefix, "import", variant.import_from, issues);
  readOptionalText(item, prefix, "format", {"hf-clip", "hf-siglip", "open-clip", "torchvision-vit"}, variant.import_format, issues);
  readOptionalText(item, prefix, "via", {"open-clip"}, variant.via, issues);
  const bool fromVariant = !variant.import_from.empty() && variant.import_from[0] == '@';
  if (fromVariant && variant.via.empty()) variant.via = "open-clip";
  if (!fromVariant && item.find("via") != item.end())
    issues.push_back({joinPath(prefix, "via"), "only an import of an earlier variant (\"@name\") is published first"});
  if (!variant.overrides.empty())
    issues.push_back({joinPath(prefix, "overrides"), "an import step trains nothing; set the overrides on the variants that start from it"});
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
    readImport(item, prefix, variant, issues);
    reportUnknownKeys(item, prefix, {"name", "overrides", "import", "format", "via"}, issues);
    // Variant names become run names and folder names, so two with one name would collide.
    const auto same = std::find_if(out.begin(), out.end(), [&](const StudyVariant& v) { return v.name == variant.name; });
    if (!variant.name.empty() && same != out.end()) {
      issues.push_back({prefix + ".name", "duplicate variant name '" + variant.name + "' (also " +
                                              indexPath("variants", static_cast<std::size_t>(same - out.begin())) + ")"});
    }
    out.push_back(std::move(variant));
  }
}

void readAttack(const json& doc, StudyAttack& out, std::vector<ConfigIssue>& issues) {
  const auto it = doc.find("attack");
  if (it == doc.end()) return;
  if (!it->is_object()) {
    issues.push_back({"attack", "expected an object, got " + shortJsonText(*it)});
    return;
  }
  reportUnknownKeys(*it, "attack", {"attack", "eps", "target", "samples", "steps", "aux_loss"}, issues);
  readRequiredText(*it, "attack", "attack", out.attack, issues);
  if (!out.attack.empty() && out.attack != "fgsm" && out.attack != "pgd" && out.attack != "apgd")
    issues.push_back({"attack.attack", "expected fgsm, pgd or apgd, got \"" + out.attack + "\""});
  const auto eps = it->find("eps");
  if (eps == it->end() || !eps->is_array() || eps->empty()) {
    issues.push_back({"attack.eps", "expected a non-empty array of radii such as \"2/255\""});
  } else {
    for (std::size_t i = 0; i < eps->size(); ++i) {
      const json& item = (*eps)[i];
      const std::string text = item.is_string() ? item.get<std::string>() : item.is_number() ? item.dump() : "";
      if (!parseEpsilon(text))
        issues.push_back({indexPath("attack.eps", i), "expected a radius in [0, 1] such as \"2/255\", got " + shortJsonText(item)});
      else
        out.eps.push_back(text);
    }
  }
  if (const auto t = it->find("target"); t != it->end()) {
    const std::string target = t->is_string() ? t->get<std::string>() : "";
    if (target != "auto" && target != "retrieval" && target != "zero_shot" && target != "vqa" && target != "caption")
      issues.push_back({"attack.target", "expected auto, retrieval, zero_shot, vqa or caption, got " + shortJsonText(*t)});
    else
      out.target = target;
  }
  auto readCount = [&](const char* key, int& value, int low, int high) {
    const auto v = it->find(key);
    if (v == it->end()) return;
    if (!v->is_number_integer() || v->get<long long>() < low || v->get<long long>() > high)
      issues.push_back({joinPath("attack", key), "expected an integer in [" + std::to_string(low) + ", " +
                                                     std::to_string(high) + "], got " + shortJsonText(*v)});
    else
      value = v->get<int>();
  };
  readCount("samples", out.samples, 1, 1000000);
  readCount("steps", out.steps, 0, 10000);
  if (const auto a = it->find("aux_loss"); a != it->end()) {
    if (!a->is_boolean())
      issues.push_back({"attack.aux_loss", "expected true or false, got " + shortJsonText(*a)});
    else
      out.aux_loss = a->get<bool>();
  }
}

void readSeeds(const json& doc, std::vector<std::uint64_t>& out, std::vector<ConfigIssue>& issues) {
  const auto it = doc.find("seeds");
  if (it == doc.end()) return;
  if (!it->is_array() || it->empty()) {
    issues.push_back({"seeds", "expected a non-empty array of seeds such as [1, 2, 3], got " + shortJsonText(*it)});
    return;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& item = (*it)[i];
    if (!item.is_number_unsigned()) {
      issues.push_back({indexPath("seeds", i), "expected a non-negative integer, got " + shortJsonText(item)});
      continue;
    }
    const auto seed = item.get<std::uint64_t>();
    if (std::find(out.begin(), out.end(), seed) != out.end())
      issues.push_back({indexPath("seeds", i), "seed " + std::to_string(seed) + " is listed twice"});
    else
      out.push_back(seed);
  }
}

}  // namespace

std::optional<double> parseEpsilon(const std::string& text) {
  try {
    std::size_t used = 0;
    const auto slash = text.find('/');
    double value = 0;
    if (slash == std::string::npos) {
      value = std::stod(text, &used);
      if (used != text.size()) return std::nullopt;
    } else {
      const std::string num = text.substr(0, slash), den = text.substr(slash + 1);
      const double n = std::stod(num, &used);
      if (used != num.size()) return std::nullopt;
      const double d = std::stod(den, &used);
      if (used != den.size() || d <= 0) return std::nullopt;
      value = n / d;
    }
    if (!(value >= 0.0 && value <= 1.0)) return std::nullopt;
    return value;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

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
    readAttack(*doc, study.attack, issues);
    readSeeds(*doc, study.seeds, issues);
    reportUnknownKeys(*doc, "", {"name", "description", "base", "variants", "smoke_overrides", "attack", "seeds"}, issues);  // description: for people only
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
