#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "config/field_visitor.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {

std::string formatReal(double value) {
  // The shortest %g precision that reads back exactly keeps messages free of float noise
  // (0.1 prints as "0.1", not "0.10000000000000001").
  char buffer[40];
  // Whole numbers print without an exponent ("10", not "1e+01").
  if (value == std::trunc(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

std::string rangeText(std::int64_t lo, std::int64_t hi) {
  const std::string upper = hi == kNoLimit ? "..." : std::to_string(hi);
  return "[" + std::to_string(lo) + ", " + upper + "]";
}

std::string rangeText(double lo, double hi, Open open) {
  return (open == Open::Low ? "(" : "[") + formatReal(lo) + ", " + formatReal(hi) + (open == Open::High ? ")" : "]");
}

std::optional<std::string> checkRange(std::int64_t value, std::int64_t lo, std::int64_t hi) {
  if (value >= lo && value <= hi) return std::nullopt;
  return std::to_string(value) + " is out of range " + rangeText(lo, hi);
}

std::optional<std::string> checkRange(double value, double lo, double hi, Open open) {
  const bool aboveLow = open == Open::Low ? value > lo : value >= lo;
  const bool belowHigh = open == Open::High ? value < hi : value <= hi;
  if (aboveLow && belowHigh) return std::nullopt;
  return formatReal(value) + " is out of range " + rangeText(lo, hi, open);
}

std::optional<std::string> checkRange(std::uint64_t value, std::uint64_t hi) {
  if (value <= hi) return std::nullopt;
  return std::to_string(value) + " is out of range [0, " + std::to_string(hi) + "]";
}

std::vector<std::string> choiceList(Choices choices) { return {choices.begin(), choices.end()}; }

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::optional<std::string> checkChoice(const std::string& value, Choices choices) {
  const std::vector<std::string> names = choiceList(choices);
  for (const std::string& name : names)
    if (name == value) return std::nullopt;
  std::string message = "'" + value + "' is not one of: " + joinNames(names);
  const std::string suggestion = didYouMean(value, names);
  if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
  return message;
}

std::optional<std::string> checkText(const std::string& value, TextRule rule) {
  if (rule == TextRule::NonEmpty && value.empty()) return std::string("must not be empty");
  return std::nullopt;
}

std::string unknownKeyMessage(const std::string& key, const std::vector<std::string>& known) {
  const std::string suggestion = didYouMean(key, known);
  if (!suggestion.empty()) return "unknown key '" + key + "'; did you mean '" + suggestion + "'?";
  return "unknown key '" + key + "'; expected one of: " + joinNames(known);
}

}  // namespace vimoe::config
