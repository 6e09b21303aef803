// Every `vimoe` verb is an ordinary library function: app/cli/main.cpp only parses arguments
// into these option structs. Each returns the process exit code:
//   0 success, 1 the work ran but failed (or found problems), 2 bad input (nothing written).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vimoe::cli {

enum ExitCode { kExitOk = 0, kExitFailed = 1, kExitBadInput = 2 };

struct ConfigDumpOptions {
  std::string file;
  std::vector<std::string> overrides;
};
int runConfigDump(const ConfigDumpOptions& options);

struct TrainCliOptions {
  std::string configFile;               // required unless resuming
  std::vector<std::string> overrides;
  std::string storePath;                // default: the project's store
  std::string projectDir;               // default: found from the config file
  std::optional<std::int64_t> resumeRunId;
  bool threadsFromCommandLine = false;  // --threads given: it wins over run.threads
};
int runTrain(const TrainCliOptions& options);

struct StudyCliOptions {
  std::string studyFile;
  std::string storePath;
  bool smoke = false;
  std::vector<std::string> overrides;
  std::string tableOut;  // also write the markdown table here
  std::string csvOut;    // and the CSV here
  std::vector<std::string> only;  // run only these variants
  std::vector<std::uint64_t> seeds;  // in place of the study's seeds
};
int runStudyVerb(const StudyCliOptions& options);

struct RunsCliOptions {
  std::string storePath;
  std::optional<std::int64_t> runId;  // show one run
  bool json = false;
};
int runRunsList(const RunsCliOptions& options);
int runRunsShow(const RunsCliOptions& options);

struct DataGenerateOptions {
  std::string outDir;
  int trainImages = 2000;
  int valImages = 256;
  int imageSize = 64;
  int captionsPerImage = 5;
  int questionsPerImage = 3;
  std::uint64_t seed = 7;
  std::string domains = "all";
  int threads = 2;
};
int runDataGenerate(const DataGenerateOptions& options);

// PATH: a dataset spec, one annotation file or a folder (see vimoe/data/validate.h).
// Exit 0 clean, 1 problems found (the good rest loads), 2 nothing could be read.
struct DataValidateOptions {
  std::string path;
  std::string format;     // default: detected per file
  std::string imageDir;   // default: <root>/images when it exists, else <root>
  bool skipImageDecode = false;
  int threads = 2;
};
int runDataValidate(const DataValidateOptions& options);

// Statistics of a dataset PATH (as for validate); with a tokenizer, its coverage too.
struct DataStatsOptions {
  std::string path;
  std::string format;
  std::string imageDir;
  std::string tokenizer;  // a SentencePiece .model: unknown rate and pieces per syllable
};
int runDataStats(const DataStatsOptions& options);

// Puts a dataset's text into the FTS5 sample index of a store (default: the project's).
struct DataIndexOptions {
  std::string path;
  std::string format;
  std::string imageDir;
  std::string db;    // default: the store of the project PATH lies in
  std::string name;  // dataset name in the index; default: the folder or file name
};
int runDataIndex(const DataIndexOptions& options);

// Trains a SentencePiece model on a dataset's captions and questions and prints its coverage.
struct DataTokenizerOptions {
  std::string path;
  std::string format;
  std::string imageDir;
  std::string out;                 // model path, e.g. projects/demo/tokenizer/spm.model; clip-bpe: DIR/vocab.json
  std::string type = "unigram";    // unigram | bpe (SentencePiece) | clip-bpe (CLIP's layout, byte_level_bpe_train.h)
  int vocabSize = 512;
};
int runDataTokenizer(const DataTokenizerOptions& options);

struct DataSearchOptions {
  std::string query;
  std::string db;
  int limit = 20;
};
int runDataSearch(const DataSearchOptions& options);

// Pretrained checkpoint (HF CLIP / SigLIP, OpenCLIP, torchvision ViT) -> ViMoE checkpoint.
struct ImportCliOptions {
  std::string source;      // a folder, a .safetensors file or a model.safetensors.index.json
  std::string out;         // checkpoint folder to write (required unless dryRun)
  std::string format;      // "" = detect: hf-clip | hf-siglip | open-clip | torchvision-vit
  bool dryRun = false;     // print the mapping table, write nothing
  int imageHeads = 0;      // 0 = from the source's config, else width / 64
  int textHeads = 0;
  std::string activation;  // "" = from the source
  // Mixed towers: the text tower from this second checkpoint (the image tower from `source`).
  std::string textFrom;
  std::string textFromFormat;  // "" = detect
};
int runImport(const ImportCliOptions& options);

// `vimoe export`: a dense contrastive checkpoint with CLIP's architecture in the OpenCLIP layout.
struct ExportCliOptions {
  std::string checkpoint;
  std::string out;
  std::string format = "open-clip";
};
int runExport(const ExportCliOptions& options);

// Embeddings of images or texts from any contrastive checkpoint (trained, imported, upcycled).
struct EmbedCliOptions {
  std::string checkpoint;
  std::vector<std::string> images;  // image files, or folders whose images are all embedded (sorted)
  std::vector<std::string> texts;   // tokenized with the checkpoint's tokenizer.model
  bool json = false;
  bool normalize = false;           // L2-normalise, as retrieval compares them
  std::string out;                  // also write them here: safetensors {"images", "texts"} + input names
};
int runEmbed(const EmbedCliOptions& options);

struct UpcycleCliOptions {
  std::string from;  // dense checkpoint folder
  std::string out;   // MoE checkpoint folder to write
  int experts = 8;
  int topK = 1;
  double noise = 0.0;  // expert-copy noise, in units of each source tensor's std
  std::vector<std::string> overrides;  // --set on the MoE config (router, placement, ...)
  std::string projectDir;  // whose validation data the step-0 check runs on (default: around --from)
};
int runUpcycle(const UpcycleCliOptions& options);

struct ModelInfoOptions {
  std::string configFile;
  std::vector<std::string> overrides;
  bool json = false;
};
int runModelInfo(const ModelInfoOptions& options);

struct BenchCliOptions {
  std::string what = "all";      // moe-layer | train | loader | generate | all (= moe-layer and train)
  bool json = false;
  std::string preset = "tiny";   // model of the training benchmark
  int batchSize = 64;
  int steps = 10;                // timed training steps
  int repetitions = 15;          // timed MoE-layer passes
  int warmup = 3;                // untimed passes / steps before each measurement
  int loaderImages = 512;        // JPEGs the loader benchmark generates and reads
  std::string keepImages;        // folder to write them to and keep ("" = scratch, removed)
};
int runBench(const BenchCliOptions& options);

// Scores caption or VQA predictions against references (vimoe/metrics): task "caption" gives
// BLEU-1..4, ROUGE-L and CIDEr-D over the whole split, "vqa" exact match and token F1 per type.
// Exit 0, or 2 for unreadable or mismatched files (the message names file, record and field).
struct ScoreCliOptions {
  std::string task;      // caption | vqa
  std::string predFile;
  std::string refFile;
  std::string tokenization = "syllables";  // syllables | segmented_words
  bool json = false;
  bool perSample = false;  // one row per sample (human table or "per_sample" in the JSON)
};
int runScore(const ScoreCliOptions& options);

// --checkpoint: a checkpoint folder, or a project folder = its newest finished run of the kind.
struct GenerationCliOptions {
  int beamWidth = 0;         // 0: the checkpoint's task.beam_width
  double lengthPenalty = -1; // < 0: the checkpoint's task.length_penalty
  int maxLength = 0;         // 0: the checkpoint's task.max_length
};

struct CaptionCliOptions {
  std::vector<std::string> images;
  std::string checkpoint;
  GenerationCliOptions generation;
  bool json = false;
};
int runCaption(const CaptionCliOptions& options);

struct AskCliOptions {
  std::string image;
  std::string question;
  std::string checkpoint;
  GenerationCliOptions generation;
  int top = 1;  // classifier: the N most probable answers
  bool json = false;
};
int runAsk(const AskCliOptions& options);

struct RetrieveCliOptions {
  std::string query;
  std::string checkpoint;  // contrastive
  std::string imagesDir;   // search these image files; default: the checkpoint's validation images
  int top = 5;
  bool json = false;
  // With json: {"query", "results": [...], "routing": the query's routing} instead of the list.
  bool routing = false;
};
int runRetrieve(const RetrieveCliOptions& options);

// `vimoe serve`: a checkpoint loaded once, answering caption / ask / retrieve requests as JSON
// lines on stdin / stdout (the protocol is in core/src/cli/serve_verb.cpp).
struct ServeCliOptions {
  std::string checkpoint;  // a checkpoint folder, or a project folder with --kind
  std::string kind;        // "" = the checkpoint's; with a project: caption | vqa | contrastive (its newest finished run)
  std::string imagesDir;   // retrieval gallery; default: the checkpoint's validation images
};
int runServe(const ServeCliOptions& options);

struct EvalCliOptions {
  std::string task;  // caption | vqa | retrieval
  std::string checkpoint;
  std::string split = "val";  // val | train
  std::string storePath;      // default: the checkpoint's project store; "none" = do not write
  std::string projectDir;     // the project whose data.root holds the data; default: the one around the checkpoint
  std::string dataRoot;       // a dataset folder in the checkpoint's data.format, instead of data.root
  GenerationCliOptions generation;
  int maxSamples = 0;  // 0 = the whole split
  bool json = false;
};
int runEval(const EvalCliOptions& options);

// `vimoe attack`: an eps sweep of FGSM, PGD or APGD on a checkpoint's validation samples
// (vimoe/robust), printed as a table and stored as a run of kind "attack" whose parent is the
// attacked run, with report.json and example pictures in <project>/attacks/<run id>/.
struct AttackCliOptions {
  std::string checkpoint;  // checkpoint folder, or a project (its newest finished run of the target's kind)
  std::string attack = "pgd";                     // fgsm | pgd | apgd
  std::string eps = "1/255,2/255,4/255,8/255";    // comma-separated, "2/255" or numbers
  std::string target = "auto";                    // auto | retrieval | zero_shot | vqa | caption
  std::string loss = "ce";                        // ce | dlr
  int steps = 0;             // 0: PGD 40 (the paper's protocol), APGD 100
  double stepSize = 0;       // PGD; 0 = eps / steps
  bool randomStart = false;  // PGD
  int restarts = 1;          // APGD
  bool auxLoss = false;      // maximise task loss + auxWeight * router aux loss
  double auxWeight = 1.0;
  int samples = 256;
  int batchSize = 64;
  std::uint64_t seed = 0;
  int examples = 4;
  bool lipschitz = false;    // also local Lipschitz, spectral norms and Lemma 1 terms
  std::string storePath;     // default: the checkpoint's project store; "none" = do not write
  std::string outDir;        // report folder; default <project>/attacks/<run id>
  std::string tableOut;      // also write the markdown table here
  bool json = false;
};
int runAttack(const AttackCliOptions& options);

// --- compression lab (issue 8): `vimoe compress`, implemented in core/src/compress/compress_verb.cpp
// (library vimoe_compress). Factorises a contrastive checkpoint's weight matrices under a
// parameter budget, with an RL agent or a baseline; writes a compressed checkpoint folder and,
// when the checkpoint belongs to a project store, a run of kind "compress" (docs/compression.md).
struct CompressCliOptions {
  std::string checkpoint;     // checkpoint folder, or a project folder (its newest finished contrastive run)
  double budget = 0.5;        // parameters kept / dense, over the factorisable matrices
  std::string agent = "ppo";  // ppo | reinforce | uniform | energy | asvd
  int episodes = 200;
  std::uint64_t seed = 1;
  std::string methods = "svd,cur,nmf";  // the agent's methods (svd, asvd, cur, nmf, rsvd)
  int rankingImages = 128;    // validation images of the ranking (reward) set; the rest report
  std::string out;            // default: <project>/<run.checkpoint_dir>/<run id>-compress-<agent>-<budget>
  std::string storePath;      // default: the checkpoint's project store; "none" = do not write
  bool json = false;
};
int runCompress(const CompressCliOptions& options);

}  // namespace vimoe::cli
