#include "vimoe/config/project.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "vimoe/util/atomic_file.h"
#include "vimoe/util/json_read.h"

namespace vimoe::config {
namespace fs = std::filesystem;

std::string Project::storePath() const { return path(store); }

std::string Project::path(const std::string& relative) const {
  const fs::path p(relative);
  return p.is_absolute() ? p.string() : (fs::path(dir) / p).lexically_normal().string();
}

Expected<Project> loadProject(const std::string& dir) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(dir, ec);
  const std::string file = (absolute / kProjectFileName).string();
  auto text = readWholeFile(file);
  if (!text) return Error::at(file, "no project file here (" + text.error().message + ")");
  auto parsed = parseJson(file, *text);
  if (!parsed) return parsed.error();
  const nlohmann::json& doc = *parsed;
  if (!doc.is_object()) return Error::at(file, "not a JSON object");
  Project project;
  project.dir = absolute.lexically_normal().string();
  if (!project.dir.empty() && project.dir.back() == '/') project.dir.pop_back();
  static const std::vector<std::string> known = {"name", "store", "experiments", "studies"};
  for (auto it = doc.begin(); it != doc.end(); ++it)
    if (std::find(known.begin(), known.end(), it.key()) == known.end())
      return Error::at(file, "unknown key '" + it.key() + "' (expected name, store, experiments, studies)");
  auto readString = [&](const char* key, std::string& out) -> Status {
    if (!doc.contains(key)) return okStatus();
    if (!doc[key].is_string()) return Error::at(file, std::string(key) + ": expected a string");
    out = doc[key].get<std::string>();
    return okStatus();
  };
  auto readList = [&](const char* key, std::vector<std::string>& out) -> Status {
    if (!doc.contains(key)) return okStatus();
    if (!doc[key].is_array()) return Error::at(file, std::string(key) + ": expected a list of paths");
    for (std::size_t i = 0; i < doc[key].size(); ++i) {
      if (!doc[key][i].is_string()) return Error::at(file, std::string(key) + "[" + std::to_string(i) + "]: expected a string");
      out.push_back(doc[key][i].get<std::string>());
    }
    return okStatus();
  };
  for (auto status : {readString("name", project.name), readString("store", project.store),
                      readList("experiments", project.experiments), readList("studies", project.studies)})
    if (!status) return status.error();
  if (project.name.empty()) project.name = absolute.filename().string();
  return project;
}

Expected<std::string> findProjectDir(const std::string& path) {
  std::error_code ec;
  fs::path current = fs::absolute(path, ec).lexically_normal();
  if (!fs::is_directory(current)) current = current.parent_path();
  for (fs::path p = current; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / kProjectFileName)) return p.string();
    if (p == p.root_path()) break;
  }
  return Error::at(path, std::string("not inside a project (no ") + kProjectFileName + " here or in a parent folder)");
}

Expected<Project> createProject(const std::string& dir, const std::string& name) {
  const fs::path file = fs::path(dir) / kProjectFileName;
  if (fs::exists(file)) return Error::at(file.string(), "a project already exists here");
  nlohmann::json doc = {{"name", name}, {"store", "vimoe.db"}, {"experiments", nlohmann::json::array()},
                        {"studies", nlohmann::json::array()}};
  if (auto s = writeFileAtomically(file.string(), doc.dump(2) + "\n"); !s) return s.error();
  return loadProject(dir);
}

}  // namespace vimoe::config
