// The shapes domain: the original scene sampler, drawing and ten caption templates, plus
// questions about colour, count, shape, position and yes/no.
#include "data/split_mix.h"
#include "data/synthetic_domains.h"
#include "data/synthetic_drawing.h"
#include "data/synthetic_scene.h"
#include "data/synthetic_templates.h"
#include "data/synthetic_words.h"

namespace vimoe::data::detail {
namespace {

const char* kShapeNames[] = {"hình tròn", "hình vuông", "hình tam giác", "ngôi sao", "hình thoi"};

std::string capitalise(const std::string& phrase) {
  // Every shape phrase starts with "h" or "n": ASCII, so a byte change is enough.
  std::string out = phrase;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::vector<QaPair> shapeQuestions(const SyntheticScene& s, SplitMix64& rng) {
  const std::string where = s.position.substr(s.position.find(' ') + 1);  // drop the leading "ở"
  std::vector<QaPair> all = {
      qa(capitalise(s.shape) + " trong ảnh màu gì?", s.colour, "colour"),
      qa("Có bao nhiêu " + s.shape + " trong ảnh?", numeral(s.count), "count"),
      qa("Trong ảnh có hình gì?", s.shape, "shape"),
      qa(capitalise(s.shape) + " nằm ở đâu?", where, "position"),
  };
  // Yes/no: half the time about the true shape, half about another one.
  const bool truth = rng.below(2) == 0;
  std::string asked = s.shape;
  while (!truth && asked == s.shape) asked = kShapeNames[rng.below(5)];
  all.push_back(qa("Trong ảnh có " + asked + " không?", truth ? "có" : "không", "yes_no"));
  return all;
}

}  // namespace

SyntheticSample makeShapesSample(std::uint64_t seed, std::int64_t index, int imageSize, int captions, int questions) {
  const SceneLayout layout = sampleScene(seed, index);
  SyntheticSample sample;
  sample.image = drawScene(layout, imageSize);
  sample.scene = layout.scene;
  sample.scene.domain = "shapes";
  sample.captions = captionScene(layout, seed, index, captions);
  SplitMix64 rng = SplitMix64::forItem(seed, index, /*purpose=*/3);
  sample.qa = pickQuestions(rng, shapeQuestions(sample.scene, rng), questions);
  return sample;
}

}  // namespace vimoe::data::detail
