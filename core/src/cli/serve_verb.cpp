// `vimoe serve`: one process that loads a checkpoint once and answers the demo's requests as
// JSON lines, so the workbench's Demo panel pays the model load once per model instead of once
// per click. Protocol (docs/user-guide.md, "Serving a model"):
//   stdout, first line: {"event": "ready", "checkpoint", "kind", "run", "load_ms"}
//   stdin, one request a line:  {"id": 7, "task": "caption", "images": [...]}
//                               {"id": 8, "task": "ask", "image": ..., "question": ..., "top": 3}
//                               {"id": 9, "task": "retrieve", "query": ..., "top": 8, "routing": true}
//   stdout, one reply a line:   {"id": 7, "ok": true, "ms": 41.2, "result": <what --json prints>}
//                               {"id": 7, "ok": false, "error": "..."}
// A bad request is answered with an error and the server goes on; end of input ends it.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include "inference_common.h"
#include "inference_requests.h"

namespace vimoe::cli {
namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The loaded model of one kind; the gallery is embedded on the first retrieval and kept.
struct Served {
  std::string kind;
  std::optional<eval::DownstreamModel> downstream;
  std::optional<eval::ContrastiveModel> contrastive;
  std::optional<Gallery> gallery;
  std::string imagesDir;
};

GenerationCliOptions generationFrom(const Json& request) {
  GenerationCliOptions g;
  g.beamWidth = request.value("beam_width", 0);
  g.maxLength = request.value("max_length", 0);
  g.lengthPenalty = request.value("length_penalty", -1.0);
  return g;
}

Expected<Json> answer(Served& served, const Json& request) {
  const std::string task = request.value("task", std::string());
  const bool routing = request.value("routing", true);
  if (task == "caption") {
    if (served.kind != "caption") return Error{"this server holds a " + served.kind + " model; captions need a caption one"};
    std::vector<std::string> images = request.value("images", std::vector<std::string>{});
    if (request.contains("image")) images.push_back(request["image"].get<std::string>());
    auto pixels = loadImagesForModel(images, served.downstream->cfg.data.image_size);
    if (!pixels) return pixels.error();
    return captionImages(*served.downstream, images, *pixels, generationFrom(request), routing);
  }
  if (task == "ask") {
    if (served.kind != "vqa") return Error{"this server holds a " + served.kind + " model; questions need a vqa one"};
    return askQuestion(*served.downstream, request.value("image", std::string()), request.value("question", std::string()),
                       request.value("top", 1), generationFrom(request), routing);
  }
  if (task == "retrieve") {
    if (served.kind != "contrastive") return Error{"this server holds a " + served.kind + " model; retrieval needs a contrastive one"};
    if (!served.gallery) {
      auto gallery = loadGallery(*served.contrastive, served.imagesDir);
      if (!gallery) return gallery.error();
      served.gallery = std::move(*gallery);
    }
    return retrieveImages(*served.contrastive, *served.gallery, request.value("query", std::string()), request.value("top", 5),
                          routing);
  }
  return Error{"unknown task \"" + task + "\" (caption, ask or retrieve)"};
}

void reply(const Json& line) {
  std::fputs((line.dump() + "\n").c_str(), stdout);
  std::fflush(stdout);  // the reader waits for this line
}

}  // namespace

int runServe(const ServeCliOptions& options) {
  const auto started = Clock::now();
  auto dir = eval::resolveCheckpoint(options.checkpoint, options.kind.empty() ? "contrastive" : options.kind);
  if (!dir) return reportError(dir.error().message, kExitBadInput);
  Served served;
  served.imagesDir = options.imagesDir;
  std::string runName;
  auto downstream = eval::loadDownstreamModel(*dir);
  if (downstream) {
    served.kind = downstream->cfg.run.kind;
    runName = downstream->cfg.run.name;
    served.downstream = std::move(*downstream);
  } else {
    auto contrastive = eval::loadContrastiveModel(*dir);
    if (!contrastive) return reportError(contrastive.error().message, kExitBadInput);
    served.kind = "contrastive";
    runName = contrastive->cfg.run.name;
    served.contrastive = std::move(*contrastive);
  }
  if (!options.kind.empty() && options.kind != served.kind)
    return reportError(*dir + ": a " + served.kind + " checkpoint, not " + options.kind, kExitBadInput);
  reply({{"event", "ready"}, {"checkpoint", *dir}, {"kind", served.kind}, {"run", runName}, {"load_ms", millisecondsSince(started)}});

  std::string line;
  for (int number = 1; std::getline(std::cin, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto request = Json::parse(line, nullptr, false);
    if (request.is_discarded() || !request.is_object()) {
      reply({{"id", nullptr}, {"ok", false}, {"error", "request line " + std::to_string(number) + ": not a JSON object"}});
      continue;
    }
    const Json id = request.contains("id") ? request["id"] : Json(nullptr);
    const auto begun = Clock::now();
    Expected<Json> result = Error{""};
    try {
      result = answer(served, request);
    } catch (const std::exception& e) {  // a wrongly typed field: the request fails, not the server
      result = Error{std::string("request line ") + std::to_string(number) + ": " + e.what()};
    }
    if (result)
      reply({{"id", id}, {"ok", true}, {"ms", millisecondsSince(begun)}, {"result", std::move(*result)}});
    else
      reply({{"id", id}, {"ok", false}, {"error", result.error().message}});
  }
  return kExitOk;
}

}  // namespace vimoe::cli
