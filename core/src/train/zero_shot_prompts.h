// Vietnamese prompts that describe each synthetic visual domain, for zero-shot classification
// of validation images by domain. An unknown label is used as its own prompt.
#pragma once

#include <map>
#include <string>

namespace vimoe::train {

inline std::string zeroShotPrompt(const std::string& label) {
  static const std::map<std::string, std::string> prompts = {
      {"shapes", "một hình học có màu trên nền trơn"},
      {"digits_clocks", "một chữ số hoặc một chiếc đồng hồ"},
      {"text_signs", "một tấm biển có chữ"},
      {"textures", "một bề mặt có hoa văn"},
  };
  const auto it = prompts.find(label);
  return it == prompts.end() ? label : it->second;
}

}  // namespace vimoe::train
