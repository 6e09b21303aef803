// The visitor that dumps a config struct as JSON: every field with its effective value, which
// is what `vimoe config --dump` prints and what experimentFromJson reads back unchanged.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "config/experiment_fields.h"
#include "config/field_visitor.h"

namespace vimoe::config {

class JsonWriter {
 public:
  explicit JsonWriter(nlohmann::json& out) : m_out(out) { m_out = nlohmann::json::object(); }

  void number(const char* key, int& value, int, int) { m_out[key] = value; }
  void number(const char* key, double& value, double, double, Open) { m_out[key] = value; }
  void seed(const char* key, std::uint64_t& value, std::uint64_t) { m_out[key] = value; }
  void flag(const char* key, bool& value) { m_out[key] = value; }
  void text(const char* key, std::string& value, TextRule) { m_out[key] = value; }
  void choice(const char* key, std::string& value, Choices) { m_out[key] = value; }

  template <class T>
  void object(const char* key, T& child) {
    JsonWriter nested(m_out[key]);
    describe(child, nested);
  }

 private:
  nlohmann::json& m_out;
};

}  // namespace vimoe::config
