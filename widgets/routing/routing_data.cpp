#include "routing/routing_data.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace vimoe::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const char* modalityKey(RoutingModality modality) {
  return modality == RoutingModality::Image ? "image" : "text";
}

bool isModality(const store::RoutingRow& row, RoutingModality modality) {
  return row.modality == modalityKey(modality);
}

}  // namespace

int TokenRoute::droppedChoices() const {
  return static_cast<int>(std::count(kept.begin(), kept.end(), 0));
}

TokenRoute routeOf(const store::RoutingRow& row) {
  TokenRoute route;
  route.token = row.token;
  for (int e : row.experts) route.experts << e;
  for (float g : row.gates) route.gates << static_cast<double>(g);
  for (int k : row.kept) route.kept << k;
  if (!route.experts.isEmpty()) {
    route.expert = route.experts.front();
    route.gate = route.gates.isEmpty() ? 1.0 : route.gates.front();
    route.dropped = !route.kept.isEmpty() && route.kept.front() == 0;
  }
  return route;
}

int PatchGrid::droppedCount() const {
  return static_cast<int>(std::count_if(patches.begin(), patches.end(), [](const TokenRoute& r) { return r.dropped; }));
}

PatchGrid buildPatchGrid(const QVector<store::RoutingRow>& rows, int sample, int layer) {
  PatchGrid grid;
  int lastToken = -1;
  for (const auto& row : rows)
    if (row.sample == sample && row.layer == layer && isModality(row, RoutingModality::Image))
      lastToken = std::max(lastToken, row.token);
  if (lastToken < 1) return grid;
  // Patches are tokens 1..N of a square grid; a non-square count keeps the largest square.
  grid.side = static_cast<int>(std::floor(std::sqrt(static_cast<double>(lastToken)) + 1e-9));
  grid.patches = QVector<TokenRoute>(grid.side * grid.side);
  for (const auto& row : rows) {
    if (row.sample != sample || row.layer != layer || !isModality(row, RoutingModality::Image)) continue;
    if (row.token == 0)
      grid.classToken = routeOf(row);
    else if (row.token - 1 < grid.patches.size())
      grid.patches[row.token - 1] = routeOf(row);
  }
  return grid;
}

QString displayPiece(const std::string& piece) {
  QString text = QString::fromStdString(piece);
  text.replace(QChar(0x2581), QLatin1Char(' '));
  return text;
}

QVector<TokenChip> buildTokenChips(const QVector<store::RoutingRow>& rows, const store::ProbeSample& probe, int layer) {
  std::map<int, TokenRoute> routes;
  for (const auto& row : rows)
    if (row.sample == probe.sample && row.layer == layer && isModality(row, RoutingModality::Text))
      routes[row.token] = routeOf(row);
  // Every stored piece is a chip (a token without a row is drawn uncoloured); rows past the
  // pieces (a tokenizer mismatch) still show, by position.
  int last = static_cast<int>(probe.tokens.size()) - 1;
  if (!routes.empty()) last = std::max(last, routes.rbegin()->first);
  QVector<TokenChip> chips;
  for (int position = 0; position <= last; ++position) {
    TokenChip chip;
    chip.position = position;
    if (position < static_cast<int>(probe.tokens.size())) {
      const std::string& piece = probe.tokens[static_cast<std::size_t>(position)];
      chip.text = displayPiece(piece);
      chip.special = piece.size() > 2 && piece.front() == '<' && piece.back() == '>';
    } else {
      chip.text = QStringLiteral("#%1").arg(position);
    }
    if (auto it = routes.find(position); it != routes.end()) chip.route = it->second;
    chips << chip;
  }
  return chips;
}

QVector<int> layersOfModality(const QVector<store::RoutingRow>& rows, const QStringList& layerNames,
                              RoutingModality modality) {
  std::set<int> found;
  for (const auto& row : rows)
    if (isModality(row, modality)) found.insert(row.layer);
  QVector<int> layers(found.begin(), found.end());
  if (!rows.isEmpty()) return layers;
  const QString prefix = QLatin1String(modalityKey(modality)) + QLatin1Char('.');
  for (int i = 0; i < layerNames.size(); ++i)
    if (layerNames[i].startsWith(prefix)) layers << i;
  return layers;
}

TokenPaths buildTokenPaths(const QVector<store::RoutingRow>& rows, int sample, RoutingModality modality,
                           const QVector<int>& layers) {
  TokenPaths paths;
  paths.layers = layers;
  std::map<int, std::map<int, TokenRoute>> byToken;  // token -> layer -> route
  for (const auto& row : rows)
    if (row.sample == sample && isModality(row, modality) && layers.contains(row.layer))
      byToken[row.token][row.layer] = routeOf(row);
  for (const auto& [token, byLayer] : byToken) {
    paths.tokens << token;
    for (int layer : layers) {
      auto it = byLayer.find(layer);
      paths.cells << (it != byLayer.end() ? it->second : TokenRoute{});
    }
  }
  return paths;
}

double LayerTransition::rowTotal(int from) const {
  double total = 0;
  for (int to = 0; to < experts; ++to) total += count(from, to);
  return total;
}

QVector<LayerTransition> buildTransitions(const QVector<store::RoutingRow>& rows, RoutingModality modality,
                                          const QVector<int>& layers, int experts, int sample) {
  QVector<LayerTransition> transitions;
  if (layers.size() < 2 || experts <= 0) return transitions;
  // (sample, token) -> layer -> top-1 expert
  std::map<std::pair<int, int>, std::map<int, int>> top1;
  for (const auto& row : rows)
    if ((sample < 0 || row.sample == sample) && isModality(row, modality) && !row.experts.empty())
      top1[{row.sample, row.token}][row.layer] = row.experts.front();
  for (int i = 0; i + 1 < layers.size(); ++i) {
    LayerTransition t;
    t.fromLayer = layers[i];
    t.toLayer = layers[i + 1];
    t.experts = experts;
    t.counts = QVector<double>(experts * experts, 0.0);
    int same = 0;
    for (const auto& [token, byLayer] : top1) {
      auto from = byLayer.find(t.fromLayer), to = byLayer.find(t.toLayer);
      if (from == byLayer.end() || to == byLayer.end()) continue;
      if (from->second < 0 || from->second >= experts || to->second < 0 || to->second >= experts) continue;
      t.counts[from->second * experts + to->second] += 1;
      ++t.tokens;
      same += from->second == to->second;
    }
    double followed = 0;
    for (int e = 0; e < experts; ++e) {
      double best = 0;
      for (int to = 0; to < experts; ++to) best = std::max(best, t.count(e, to));
      followed += best;
    }
    t.sameExpertShare = t.tokens > 0 ? double(same) / t.tokens : kNaN;
    t.followShare = t.tokens > 0 ? followed / t.tokens : kNaN;
    transitions << t;
  }
  return transitions;
}

int expertCountOf(const QVector<store::RoutingRow>& rows, int configured) {
  if (configured > 0) return configured;
  int experts = 0;
  for (const auto& row : rows)
    for (int e : row.experts) experts = std::max(experts, e + 1);
  return experts;
}

QVector<int> tokensPerExpert(const QVector<store::RoutingRow>& rows, int sample, int layer, int experts) {
  QVector<int> counts(std::max(0, experts), 0);
  for (const auto& row : rows)
    if (row.sample == sample && row.layer == layer && !row.experts.empty() && row.experts.front() >= 0 &&
        row.experts.front() < experts)
      ++counts[row.experts.front()];
  return counts;
}

}  // namespace vimoe::widgets
