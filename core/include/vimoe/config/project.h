// A project is a folder with vimoe-project.json, its data, tokenizer, store and checkpoints.
// Paths inside the project's configs are relative to the project folder.
#pragma once

#include <string>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe::config {

inline constexpr const char* kProjectFileName = "vimoe-project.json";

struct Project {
  std::string dir;    // absolute
  std::string name;
  std::string store = "vimoe.db";      // relative to dir
  std::vector<std::string> experiments;  // experiment configs, relative to dir
  std::vector<std::string> studies;      // study configs, relative to dir

  std::string storePath() const;
  std::string path(const std::string& relative) const;
};

Expected<Project> loadProject(const std::string& dir);
// The nearest folder at or above `path` (a file or folder) that holds vimoe-project.json.
Expected<std::string> findProjectDir(const std::string& path);
// Creates a new empty project folder with its project file (fails if one exists there).
Expected<Project> createProject(const std::string& dir, const std::string& name);

}  // namespace vimoe::config
