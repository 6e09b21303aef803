// The visitor that reads one JSON object into a config struct. Fields missing from the JSON
// keep their current (default) value; every wrong type, out-of-range value, invalid choice and
// unknown key becomes a ConfigIssue, and reading carries on so all of them are reported.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "config/experiment_fields.h"
#include "config/field_visitor.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {

class JsonReader {
 public:
  // `object` must be a JSON object and outlive the reader.
  JsonReader(const nlohmann::json& object, std::string prefix, std::vector<ConfigIssue>& issues);

  void number(const char* key, int& value, int lo, int hi);
  void number(const char* key, double& value, double lo, double hi, Open open);
  void seed(const char* key, std::uint64_t& value, std::uint64_t hi);
  void flag(const char* key, bool& value);
  void text(const char* key, std::string& value, TextRule rule);
  void choice(const char* key, std::string& value, Choices choices);

  template <class T>
  void object(const char* key, T& child) {
    const nlohmann::json* node = find(key);
    if (node == nullptr) return;
    if (!node->is_object()) {
      typeIssue(key, "an object", *node);
      return;
    }
    JsonReader nested(*node, joinPath(m_prefix, key), m_issues);
    describe(child, nested);
    nested.reportUnknownKeys();
  }

  // Call after describe(): every key of the object that no field claimed is an issue.
  void reportUnknownKeys();

 private:
  // Records `key` as known (for unknown-key detection) and returns its node, if present.
  const nlohmann::json* find(const char* key);
  void issue(const char* key, std::string message);
  void typeIssue(const char* key, const char* expected, const nlohmann::json& got);

  const nlohmann::json& m_object;
  std::string m_prefix;
  std::vector<ConfigIssue>& m_issues;
  std::vector<std::string> m_known;
};

// `value` as it appeared in the document, shortened so a stray array does not flood the message.
std::string shortJsonText(const nlohmann::json& value);

}  // namespace vimoe::config
