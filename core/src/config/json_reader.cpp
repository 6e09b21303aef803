#include "config/json_reader.h"

#include <algorithm>
#include <cmath>

namespace vimoe::config {
namespace {

enum class Whole { Yes, No, TooLarge };

// Integer fields take integral JSON numbers. A float with a whole value (1e6, 4.0) counts too,
// because people write step counts that way; 2.5 does not.
Whole wholeNumber(const nlohmann::json& node, std::int64_t& out) {
  if (node.is_number_unsigned()) {
    const auto u = node.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return Whole::TooLarge;
    out = static_cast<std::int64_t>(u);
    return Whole::Yes;
  }
  if (node.is_number_integer()) {
    out = node.get<std::int64_t>();
    return Whole::Yes;
  }
  if (node.is_number_float()) {
    const double d = node.get<double>();
    if (!(d == std::trunc(d))) return Whole::No;  // also rejects NaN
    if (std::fabs(d) >= 0x1p62) return Whole::TooLarge;
    out = static_cast<std::int64_t>(d);
    return Whole::Yes;
  }
  return Whole::No;
}

}  // namespace

std::string shortJsonText(const nlohmann::json& value) {
  constexpr std::size_t kMaxChars = 60;
  // Replacing invalid UTF-8 keeps dump() from throwing on a raw override string.
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > kMaxChars) text = text.substr(0, kMaxChars - 3) + "...";
  return text;
}

JsonReader::JsonReader(const nlohmann::json& object, std::string prefix, std::vector<ConfigIssue>& issues)
    : m_object(object), m_prefix(std::move(prefix)), m_issues(issues) {}

const nlohmann::json* JsonReader::find(const char* key) {
  m_known.emplace_back(key);
  const auto it = m_object.find(key);
  return it == m_object.end() ? nullptr : &*it;
}

void JsonReader::issue(const char* key, std::string message) {
  m_issues.push_back({joinPath(m_prefix, key), std::move(message)});
}

void JsonReader::typeIssue(const char* key, const char* expected, const nlohmann::json& got) {
  issue(key, std::string("expected ") + expected + ", got " + shortJsonText(got));
}

void JsonReader::number(const char* key, int& value, int lo, int hi) {
  const nlohmann::json* node = find(key);
  if (node == nullptr) return;
  std::int64_t whole = 0;
  switch (wholeNumber(*node, whole)) {
    case Whole::No:
      typeIssue(key, "an integer", *node);
      return;
    case Whole::TooLarge:
      issue(key, shortJsonText(*node) + " is out of range " + rangeText(lo, hi));
      return;
    case Whole::Yes:
      break;
  }
  if (auto problem = checkRange(whole, lo, hi)) return issue(key, std::move(*problem));
  value = static_cast<int>(whole);
}

void JsonReader::number(const char* key, double& value, double lo, double hi, Open open) {
  const nlohmann::json* node = find(key);
  if (node == nullptr) return;
  if (!node->is_number()) return typeIssue(key, "a number", *node);
  const double read = node->get<double>();
  if (auto problem = checkRange(read, lo, hi, open)) return issue(key, std::move(*problem));
  value = read;
}

void JsonReader::seed(const char* key, std::uint64_t& value, std::uint64_t hi) {
  const nlohmann::json* node = find(key);
  if (node == nullptr) return;
  std::uint64_t read = 0;
  if (node->is_number_unsigned()) {
    read = node->get<std::uint64_t>();
  } else if (node->is_number_integer() && node->get<std::int64_t>() >= 0) {
    read = static_cast<std::uint64_t>(node->get<std::int64_t>());
  } else if (node->is_number_float() && node->get<double>() >= 0 && node->get<double>() < 0x1p64 &&
             node->get<double>() == std::trunc(node->get<double>())) {
    read = static_cast<std::uint64_t>(node->get<double>());
  } else {
    return typeIssue(key, "a non-negative integer", *node);
  }
  if (auto problem = checkRange(read, hi)) return issue(key, std::move(*problem));
  value = read;
}

void JsonReader::flag(const char* key, bool& value) {
  const nlohmann::json* node = find(key);
  if (node == nullptr) return;
  if (!node->is_boolean()) return typeIssue(key, "true or false", *node);
  value = node->get<bool>();
}

void JsonReader::text(const char* key, std::string& value, TextRule rule) {
  const nlohmann::json* node = find(key);
  if (node == nullptr) return;
  if (!node->is_string()) return typeIssue(key, "a string", *node);
  std::string read = node->get<std::string>();
  if (auto problem = checkText(read, rule)) return issue(key, std::move(*problem));
  value = std::move(read);
}

void JsonReader::choice(const char* key, std::string& value, Choices choices) {
  const nlohmann::json* node = find(key);
  if (node == nullptr) return;
  if (!node->is_string()) return typeIssue(key, "a string", *node);
  std::string read = node->get<std::string>();
  if (auto problem = checkChoice(read, choices)) return issue(key, std::move(*problem));
  value = std::move(read);
}

void JsonReader::reportUnknownKeys() {
  for (const auto& item : m_object.items()) {
    if (std::find(m_known.begin(), m_known.end(), item.key()) != m_known.end()) continue;
    m_issues.push_back({joinPath(m_prefix, item.key()), unknownKeyMessage(item.key(), m_known)});
  }
}

}  // namespace vimoe::config
