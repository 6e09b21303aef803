// The visitor that checks an already-typed config against the ranges and choices of its field
// description, for configs built in code rather than read from a file.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "config/experiment_fields.h"
#include "config/field_visitor.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {

class RangeChecker {
 public:
  RangeChecker(std::string prefix, std::vector<ConfigIssue>& issues) : m_prefix(std::move(prefix)), m_issues(issues) {}

  void number(const char* key, int& value, int lo, int hi) { report(key, checkRange(std::int64_t{value}, lo, hi)); }
  void number(const char* key, double& value, double lo, double hi, Open open) {
    report(key, checkRange(value, lo, hi, open));
  }
  void seed(const char* key, std::uint64_t& value, std::uint64_t hi) { report(key, checkRange(value, hi)); }
  void flag(const char*, bool&) {}
  void text(const char* key, std::string& value, TextRule rule) { report(key, checkText(value, rule)); }
  void choice(const char* key, std::string& value, Choices choices) { report(key, checkChoice(value, choices)); }

  template <class T>
  void object(const char* key, T& child) {
    RangeChecker nested(joinPath(m_prefix, key), m_issues);
    describe(child, nested);
  }

 private:
  void report(const char* key, std::optional<std::string> problem) {
    if (problem) m_issues.push_back({joinPath(m_prefix, key), std::move(*problem)});
  }

  std::string m_prefix;
  std::vector<ConfigIssue>& m_issues;
};

}  // namespace vimoe::config
