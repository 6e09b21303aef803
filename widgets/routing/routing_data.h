// Pure data shaping for the routing inspector: routing_sample rows of one snapshot -> the
// per-patch expert/gate grid, the caption's token chips, the token x layer path grid and the
// layer-to-layer transition matrices. No painting here, so tests assert on values, not pixels.
//
// Token numbering follows the trainer (RoutingRow): image token 0 is the class token and
// 1.. are patches row-major; text token i is position i of <s> caption </s>.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include "vimoe/store/run_store.h"

namespace vimoe::widgets {

enum class RoutingModality { Image, Text };

// The routing of one token in one layer; expert = -1 where the snapshot has no row.
struct TokenRoute {
  int token = -1;
  int expert = -1;       // top-1 choice
  double gate = 0;       // its router probability: drawn as opacity
  bool dropped = false;  // the top-1 choice was over capacity (kept = 0)
  QVector<int> experts;  // all top-k choices, best first
  QVector<double> gates;
  QVector<int> kept;

  bool present() const { return expert >= 0; }
  int droppedChoices() const;
};

TokenRoute routeOf(const store::RoutingRow& row);

// The patch grid of one sample's image in one layer.
struct PatchGrid {
  int side = 0;                 // patches per row (and column); 0 = no image rows
  TokenRoute classToken;        // token 0
  QVector<TokenRoute> patches;  // side * side, row-major

  const TokenRoute& at(int row, int column) const { return patches[row * side + column]; }
  int droppedCount() const;
};

PatchGrid buildPatchGrid(const QVector<store::RoutingRow>& rows, int sample, int layer);

// A SentencePiece piece as text: the word-start mark "\u2581" becomes a space.
QString displayPiece(const std::string& piece);

// One text token of the caption as a chip.
struct TokenChip {
  int position = 0;
  QString text;          // displayPiece of the stored piece, "#<i>" when the piece is unknown
  bool special = false;  // <s>, </s>, <unk>, ...
  TokenRoute route;
};

QVector<TokenChip> buildTokenChips(const QVector<store::RoutingRow>& rows, const store::ProbeSample& probe, int layer);

// Layers (indices into the run's layer names) that route tokens of `modality`: from the rows
// when there are any, else by the "image." / "text." name prefix.
QVector<int> layersOfModality(const QVector<store::RoutingRow>& rows, const QStringList& layerNames,
                              RoutingModality modality);

// Rows = tokens of one sample and modality, columns = `layers`.
struct TokenPaths {
  QVector<int> layers;
  QVector<int> tokens;        // token numbers, increasing
  QVector<TokenRoute> cells;  // tokens x layers, row-major

  const TokenRoute& at(int tokenRow, int layerColumn) const { return cells[tokenRow * layers.size() + layerColumn]; }
};

TokenPaths buildTokenPaths(const QVector<store::RoutingRow>& rows, int sample, RoutingModality modality,
                           const QVector<int>& layers);

// How the top-1 choices of the tokens in one layer carry on into the next layer of the same
// modality. Expert i of one layer and expert i of the next are different weights, so the
// matrix (and how predictable the next expert is) says more than equal numbers do; both are given.
struct LayerTransition {
  int fromLayer = -1;
  int toLayer = -1;
  int experts = 0;
  QVector<double> counts;  // experts x experts: row = expert in fromLayer, column = in toLayer
  int tokens = 0;
  double sameExpertShare = 0;  // tokens with the same expert number in both layers; NaN without tokens
  double followShare = 0;      // tokens going where most tokens of their expert go; NaN without tokens

  double count(int from, int to) const { return counts[from * experts + to]; }
  double rowTotal(int from) const;
};

// Over every probe sample when sample < 0, else over one sample.
QVector<LayerTransition> buildTransitions(const QVector<store::RoutingRow>& rows, RoutingModality modality,
                                          const QVector<int>& layers, int experts, int sample = -1);

// The number of experts to draw: `configured` when known, else one past the largest expert seen.
int expertCountOf(const QVector<store::RoutingRow>& rows, int configured);

// Top-1 tokens per expert in one layer of one sample (a legend's counts); size = experts.
QVector<int> tokensPerExpert(const QVector<store::RoutingRow>& rows, int sample, int layer, int experts);

}  // namespace vimoe::widgets
