#include "data/record_checks.h"

#include "data/tolerant_json.h"
#include "vimoe/text/unicode.h"

namespace vimoe::data::detail {

std::string recordName(const char* array, std::size_t index) {
  return std::string(array) + "[" + std::to_string(index) + "]";
}

std::string keyedRecordName(const char* object, const std::string& key) {
  return std::string(object) + "[\"" + key + "\"]";
}

bool escapesRoot(const std::string& fileName) {
  if (fileName.empty()) return false;
  if (fileName.front() == '/' || fileName.front() == '\\') return true;
  // "C:\..." or "C:/...": absolute on Windows, where some copies were prepared.
  if (fileName.size() > 1 && fileName[1] == ':') return true;
  std::size_t start = 0;
  while (start <= fileName.size()) {
    std::size_t end = fileName.find_first_of("/\\", start);
    if (end == std::string::npos) end = fileName.size();
    if (end - start == 2 && fileName.compare(start, 2, "..") == 0) return true;
    start = end + 1;
  }
  return false;
}

bool readKey(const nlohmann::json& record, const char* field, std::string& key, std::string& why) {
  const auto it = record.find(field);
  if (it == record.end()) {
    why = std::string("missing '") + field + "'";
    return false;
  }
  if (const auto literal = numberTooLarge(*it)) {
    why = numberTooLargeMessage(field, *literal) + "; ids are integers or strings";
    return false;
  }
  if (it->is_number_integer()) {
    key = it->is_number_unsigned() ? std::to_string(it->get<std::uint64_t>()) : std::to_string(it->get<std::int64_t>());
    return true;
  }
  if (it->is_string() && !it->get_ref<const std::string&>().empty() &&
      invalidUtf8Offset(it->get_ref<const std::string&>()) < 0) {
    key = it->get<std::string>();
    return true;
  }
  why = std::string("'") + field + "' must be an integer or a non-empty string, got " + it->type_name() + " " +
        it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return false;
}

std::optional<std::string> TextFields::take(const std::string& raw, const std::string& record, const std::string& field,
                                            bool allowEmpty) {
  // JSON strings carry invalid bytes as a marker (tolerant_json.h); CSV cells carry them raw.
  long bad = invalidUtf8Offset(raw);
  if (bad < 0) bad = text::firstInvalidUtf8Offset(raw);
  if (bad >= 0) {
    m_log.add(ProblemKind::InvalidUtf8, record, field, "invalid UTF-8 at byte offset " + std::to_string(bad));
    return std::nullopt;
  }
  if (!allowEmpty && raw.find_first_not_of(" \t\r\n") == std::string::npos) {
    m_log.add(ProblemKind::EmptyText, record, field, "empty " + (field.empty() ? std::string("value") : field));
    return std::nullopt;
  }
  auto nfc = text::toNfc(raw);
  if (!nfc.ok()) {
    m_log.add(ProblemKind::InvalidUtf8, record, field, nfc.error().message);
    return std::nullopt;
  }
  if (*nfc != raw) m_decomposed.emplace_back(record, field);
  // A precomposed letter anywhere (even beside decomposed ones in the same text) shows that
  // the file does use NFC.
  if (text::toNfd(raw) != raw) m_sawComposed = true;
  if (m_tone == text::ToneStyle::Keep) return std::move(*nfc);
  return text::applyToneStyle(*nfc, m_tone);
}

void TextFields::finish() {
  if (!m_sawComposed) return;  // all-NFD (or plain ASCII) is consistent: normalised silently
  for (const auto& [record, field] : m_decomposed) {
    m_log.add(ProblemKind::MixedNormalisation, record, field,
              "text is decomposed (NFD) while the rest of the file is NFC; loaded as NFC");
  }
}

}  // namespace vimoe::data::detail
