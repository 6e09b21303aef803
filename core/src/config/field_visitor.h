// The vocabulary shared by the config field descriptions and the visitors that walk them.
//
// Each config struct is described once (experiment_fields.h) as calls on a visitor V:
//   v.number(key, field, lo, hi)            int, inclusive range
//   v.number(key, field, lo, hi, Open::Low) double; Open marks an exclusive bound
//   v.seed(key, field, hi)                  uint64, [0, hi]
//   v.flag(key, field)                      bool
//   v.text(key, field, TextRule)            free string
//   v.choice(key, field, {"a", "b"})        string from a fixed set
//   v.object(key, child)                    nested struct, described by its own describe()
// The reader, the writer and the range checker are such visitors, so a field added to a
// description is parsed, dumped and checked without touching any of them.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace vimoe::config {

// Upper bound for int fields that have no natural maximum; printed as "..." in ranges.
inline constexpr int kNoLimit = std::numeric_limits<int>::max();

// Which bound of a real range is exclusive, e.g. lr in (0, 10].
enum class Open { None, Low, High };

enum class TextRule { Any, NonEmpty };

using Choices = std::initializer_list<const char*>;

// Each check returns the issue message, or nothing when the value is acceptable. The reader
// and the range checker share them so a file and a typed config get identical messages.
std::optional<std::string> checkRange(std::int64_t value, std::int64_t lo, std::int64_t hi);
std::optional<std::string> checkRange(double value, double lo, double hi, Open open);
std::optional<std::string> checkRange(std::uint64_t value, std::uint64_t hi);
std::optional<std::string> checkChoice(const std::string& value, Choices choices);
std::optional<std::string> checkText(const std::string& value, TextRule rule);

// "unknown key 'num_expert'; did you mean 'num_experts'?", or the list of keys when nothing is close.
std::string unknownKeyMessage(const std::string& key, const std::vector<std::string>& known);

// "[1, 1024]", "[1, ...]", "(0, 10]".
std::string rangeText(std::int64_t lo, std::int64_t hi);
std::string rangeText(double lo, double hi, Open open);

// Shortest text that reads back as the same double ("0.001", "16", "1e-08").
std::string formatReal(double value);

std::vector<std::string> choiceList(Choices choices);
std::string joinNames(const std::vector<std::string>& names);

// "a.b" from prefix "a" and key "b"; the root has an empty prefix.
inline std::string joinPath(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

}  // namespace vimoe::config
