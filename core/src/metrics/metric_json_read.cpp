// Readers of the `vimoe score` input files. Each message says which file, which record and which
// field is wrong and what was expected, because these files are usually written by someone's own
// inference script and the first run rarely matches the format.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "vimoe/metrics/metric_json.h"
#include "vimoe/util/json_read.h"

namespace vimoe::metrics {
namespace {

using nlohmann::json;

Expected<json> loadRecordList(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::at(path, std::string("cannot read the file: ") + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  auto parsed = parseJson(path, text);
  if (!parsed) return parsed.error();
  json document = std::move(*parsed);
  if (!document.is_array())
    return Error::at(
        path, std::string("expected a JSON list of records [{\"id\": ...}, ...], found ") + document.type_name());
  return document;
}

// Reads the fields of one record; the first problem is kept and named with the record.
class RecordReader {
 public:
  RecordReader(const std::string& path, std::size_t index, const json& record)
      : m_path(path), m_index(index), m_record(record) {
    if (!record.is_object()) {
      fail(std::string("must be an object with an \"id\", found ") + record.type_name());
      return;
    }
    const auto it = record.find("id");
    if (it == record.end())
      fail("missing field 'id'");
    else if (it->is_string())
      m_id = it->get<std::string>();
    else if (it->is_number_integer())
      m_id = it->dump();  // 7 -> "7": a number id and its string form are the same id
    else if (it->is_number())
      fail("field 'id' must be a string or an integer, found " + it->dump());
    else
      fail(std::string("field 'id' must be a string or a number, found ") + it->type_name());
  }

  bool ok() const { return !m_error; }
  const std::string& id() const { return m_id; }
  Error error() const { return *m_error; }

  // The first of `names` that is present, as a string.
  std::string text(std::initializer_list<const char*> names) {
    const auto [name, value] = find(names);
    if (value == nullptr) {
      missing(names);
    } else if (!value->is_string()) {
      fail("field '" + name + "' must be a string, found " + value->type_name());
    } else {
      return value->get<std::string>();
    }
    return {};
  }

  // The first of `lists` that is present, as a non-empty list of strings; else a single string
  // under `single`.
  std::vector<std::string> texts(std::initializer_list<const char*> lists, const char* single = nullptr) {
    const auto [name, value] = find(lists);
    if (value == nullptr) {
      if (single != nullptr && m_record.is_object() && m_record.contains(single)) return {text({single})};
      missing(lists, single);
      return {};
    }
    if (!value->is_array()) {
      fail("field '" + name + "' must be a list of strings, found " + value->type_name());
      return {};
    }
    if (value->empty()) {
      fail("field '" + name + "' is an empty list: give at least one reference");
      return {};
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < value->size(); ++i) {
      const json& item = (*value)[i];
      if (!item.is_string()) {
        fail("field '" + name + "[" + std::to_string(i) + "]' must be a string, found " + item.type_name());
        return {};
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  // An optional string field: empty when absent or null.
  std::string optionalText(const char* name) {
    if (!m_record.is_object()) return {};
    const auto it = m_record.find(name);
    if (it == m_record.end() || it->is_null()) return {};
    return text({name});
  }

 private:
  std::pair<std::string, const json*> find(std::initializer_list<const char*> names) const {
    if (!ok()) return {"", nullptr};
    for (const char* name : names) {
      const auto it = m_record.find(name);
      if (it != m_record.end()) return {name, &*it};
    }
    return {"", nullptr};
  }

  // "missing field 'answers' (or 'texts') (or 'answer')"
  void missing(std::initializer_list<const char*> names, const char* single = nullptr) {
    std::string list;
    for (const char* name : names)
      list += list.empty() ? "'" + std::string(name) + "'" : " (or '" + std::string(name) + "')";
    if (single != nullptr) list += " (or '" + std::string(single) + "')";
    fail("missing field " + list);
  }

  void fail(const std::string& what) {
    if (m_error) return;
    const std::string who = m_id.empty() ? "" : " (id '" + m_id + "')";
    m_error = Error{m_path + ": record " + std::to_string(m_index) + who + ": " + what};
  }

  const std::string& m_path;
  std::size_t m_index;
  const json& m_record;
  std::string m_id;
  std::optional<Error> m_error;
};

// Reads every record with `readOne(reader)` and rejects an id seen before, naming both records.
template <class Record, class ReadOne>
Expected<std::vector<Record>> readRecords(const std::string& path, ReadOne readOne) {
  auto document = loadRecordList(path);
  if (!document) return document.error();
  std::vector<Record> records;
  std::unordered_map<std::string, std::size_t> firstSeen;
  for (std::size_t i = 0; i < document->size(); ++i) {
    RecordReader reader(path, i, (*document)[i]);
    Record record = readOne(reader);
    if (!reader.ok()) return reader.error();
    const auto [it, inserted] = firstSeen.emplace(reader.id(), i);
    if (!inserted)
      return Error{path + ": record " + std::to_string(i) + ": id '" + reader.id() + "' already used by record " +
                   std::to_string(it->second)};
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace

Expected<std::vector<CaptionPrediction>> readCaptionPredictions(const std::string& path) {
  return readRecords<CaptionPrediction>(path, [](RecordReader& r) {
    return CaptionPrediction{r.id(), r.text({"text"})};
  });
}

Expected<std::vector<CaptionReferences>> readCaptionReferences(const std::string& path) {
  return readRecords<CaptionReferences>(path, [](RecordReader& r) {
    return CaptionReferences{r.id(), r.texts({"texts"})};
  });
}

Expected<std::vector<VqaPrediction>> readVqaPredictions(const std::string& path) {
  return readRecords<VqaPrediction>(path, [](RecordReader& r) {
    return VqaPrediction{r.id(), r.text({"answer", "text"})};
  });
}

Expected<std::vector<VqaReference>> readVqaReferences(const std::string& path) {
  return readRecords<VqaReference>(path, [](RecordReader& r) {
    VqaReference ref{r.id(), r.texts({"answers", "texts"}, "answer"), {}};
    ref.type = r.optionalText("type");
    return ref;
  });
}

}  // namespace vimoe::metrics
