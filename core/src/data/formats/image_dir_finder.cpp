#include "data/formats/image_dir_finder.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace vimoe::data::detail {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kReadBytes = 4 << 20;  // the first records suffice; a 300 MB file is not read whole

// The folder names the releases use, most specific first (a tie goes to the earlier one).
const char* const kPublishedFolders[] = {"train2017",       "val2017",   "test2017",    "train2014", "val2014",
                                         "training-images", "dev-images", "test-images", "images",    ""};

bool endsWithImageExtension(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* ext : {".jpg", ".jpeg", ".png", ".bmp", ".webp"})
    if (name.size() > std::char_traits<char>::length(ext) && name.compare(name.size() - std::char_traits<char>::length(ext), std::string::npos, ext) == 0)
      return true;
  return false;
}

}  // namespace

std::vector<std::string> mentionedImageNames(const std::string& annotationFile, std::size_t limit) {
  std::ifstream in(annotationFile, std::ios::binary);
  std::string text(kReadBytes, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  std::vector<std::string> names;
  std::string token;
  // A token is a run between quotes, commas, newlines or colons: JSON strings and CSV fields alike.
  for (const char c : text) {
    if (c == '"' || c == ',' || c == '\n' || c == '\r' || c == ':' || c == '{' || c == '}' || c == '[' || c == ']') {
      if (endsWithImageExtension(token) && std::find(names.begin(), names.end(), token) == names.end()) {
        names.push_back(token);
        if (names.size() >= limit) break;
      }
      token.clear();
    } else {
      token += c;
    }
  }
  return names;
}

std::string findImageDir(const std::string& annotationFile) {
  const auto names = mentionedImageNames(annotationFile);
  if (names.empty()) return "";
  const fs::path here = fs::absolute(annotationFile).parent_path();
  std::string best;
  std::size_t bestCount = 0;
  std::error_code ec;
  for (const fs::path& base : {here, here.parent_path()}) {
    for (const char* folder : kPublishedFolders) {
      const fs::path candidate = *folder ? base / folder : base;
      if (!fs::is_directory(candidate, ec)) continue;
      std::size_t count = 0;
      for (const auto& name : names) count += fs::is_regular_file(candidate / name, ec) ? 1 : 0;
      if (count > bestCount) {
        bestCount = count;
        best = candidate.lexically_normal().string();
      }
    }
  }
  return best;
}

}  // namespace vimoe::data::detail
