// `vimoe`: the command-line face of the core. Parsing only; every verb is a library function
// in vimoe::cli (core/include/vimoe/cli/verbs.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>

#include "vimoe/cli/job.h"
#include "vimoe/cli/verbs.h"
#include "vimoe/cli/version.h"

int main(int argc, char** argv) {
  using namespace vimoe::cli;
  CLI::App app{"ViMoE Workbench: sparse Mixture-of-Experts vision-language models on Vietnamese data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", [] {
    configureThreads(0);
    return "vimoe " + vimoeVersion() + " (" + gitRevision() + "; " + libraryVersions() + ")";
  });
  int threads = 0;
  auto* threadsOpt = app.add_option("--threads", threads, "LibTorch intra-op threads (default: run.threads, else all cores)")
                         ->check(CLI::NonNegativeNumber);

  ConfigDumpOptions configDump;
  auto* configCmd = app.add_subcommand("config", "Show the effective experiment config");
  bool dump = false;
  configCmd->add_flag("--dump", dump, "Print the effective config (defaults + file + --set)");
  configCmd->add_option("file", configDump.file, "Experiment config (JSON)")->required();
  configCmd->add_option("--set", configDump.overrides, "Override a key: a.b=value (repeatable)");

  TrainCliOptions train;
  auto* trainCmd = app.add_subcommand("train", "Train a dense or MoE contrastive model");
  trainCmd->add_option("config", train.configFile, "Experiment config (JSON)");
  trainCmd->add_option("--set", train.overrides, "Override a key: a.b=value (repeatable)");
  trainCmd->add_option("--store", train.storePath, "Run store (default: the project's)");
  trainCmd->add_option("--project", train.projectDir, "Project folder (default: found from the config)");
  std::int64_t resume = 0;
  auto* resumeOpt = trainCmd->add_option("--resume", resume, "Continue this run id from its last checkpoint");

  StudyCliOptions study;
  auto* studyCmd = app.add_subcommand("study", "Run every variant of a study and print the comparison table");
  studyCmd->add_option("file", study.studyFile, "Study config (JSON)")->required()->check(CLI::ExistingFile);
  studyCmd->add_option("--store", study.storePath, "Run store (default: the project's)");
  studyCmd->add_flag("--smoke", study.smoke, "Apply the study's smoke overrides (seconds, same code path)");
  studyCmd->add_option("--set", study.overrides, "Override a key in every variant (repeatable)");
  studyCmd->add_option("--table", study.tableOut, "Also write the markdown table to this file");
  studyCmd->add_option("--csv", study.csvOut, "Also write the table as CSV to this file");
  studyCmd->add_option("--only", study.only, "Run only these variants (repeatable or comma-separated)")->delimiter(',');
  studyCmd->add_option("--seeds", study.seeds, "Run every variant once per seed (comma-separated), in place of the study's seeds")
      ->delimiter(',');

  RunsCliOptions runs;
  auto* runsCmd = app.add_subcommand("runs", "List or show runs in a store");
  runsCmd->require_subcommand(1);
  auto* runsList = runsCmd->add_subcommand("list", "List runs");
  runsList->add_option("--store", runs.storePath, "Run store")->required();
  runsList->add_flag("--json", runs.json, "JSON output");
  auto* runsShow = runsCmd->add_subcommand("show", "Show one run as JSON");
  runsShow->add_option("--store", runs.storePath, "Run store")->required();
  std::int64_t showId = 0;
  runsShow->add_option("id", showId, "Run id")->required();

  ImportCliOptions importOptions;
  auto* importCmd = app.add_subcommand("import", "Import a pretrained CLIP / SigLIP / OpenCLIP / torchvision ViT checkpoint");
  importCmd->add_option("source", importOptions.source, "Folder, .safetensors file or model.safetensors.index.json")
      ->required();
  importCmd->add_option("--out", importOptions.out, "ViMoE checkpoint folder to write");
  importCmd->add_option("--format", importOptions.format, "hf-clip | hf-siglip | open-clip | torchvision-vit (default: detected)");
  importCmd->add_flag("--dry-run", importOptions.dryRun, "Print every tensor's mapping; write nothing");
  importCmd->add_option("--image-heads", importOptions.imageHeads, "Attention heads of the image tower (default: source config, else width/64)")
      ->check(CLI::Range(1, 64));
  importCmd->add_option("--text-heads", importOptions.textHeads, "Attention heads of the text tower")->check(CLI::Range(1, 64));
  importCmd->add_option("--activation", importOptions.activation, "gelu | gelu_tanh | quick_gelu (default: from the source)");
  importCmd->add_option("--text-from", importOptions.textFrom,
                        "Mixed towers: take the text tower (and tokenizer) from this second checkpoint; the image tower from SOURCE");
  importCmd->add_option("--text-from-format", importOptions.textFromFormat, "Layout of --text-from (default: detected)");

  EmbedCliOptions embed;
  ExportCliOptions exportOptions;
  auto* exportCmd = app.add_subcommand("export", "Write a dense contrastive checkpoint in a published layout (OpenCLIP)");
  exportCmd->add_option("--checkpoint", exportOptions.checkpoint, "ViMoE checkpoint folder")->required()->check(CLI::ExistingDirectory);
  exportCmd->add_option("--out", exportOptions.out, "Folder to write")->required();
  exportCmd->add_option("--format", exportOptions.format, "open-clip (default)");
  auto* embedCmd = app.add_subcommand("embed", "Print (or save) the embeddings of images or texts");
  embedCmd->add_option("--checkpoint", embed.checkpoint, "Contrastive checkpoint folder")->required()->check(CLI::ExistingDirectory);
  embedCmd->add_option("--image", embed.images, "Image file or folder of images (repeatable)");
  embedCmd->add_option("--text", embed.texts, "Text (repeatable)");
  embedCmd->add_flag("--json", embed.json, "JSON lines: {kind, input, embedding}");
  embedCmd->add_flag("--normalize", embed.normalize, "L2-normalise the embeddings");
  embedCmd->add_option("--out", embed.out, "Also write them to this .safetensors file");

  UpcycleCliOptions upcycle;
  auto* upcycleCmd = app.add_subcommand("upcycle", "Turn a dense checkpoint into an MoE one (sparse upcycling)");
  upcycleCmd->add_option("--from", upcycle.from, "Dense checkpoint folder")->required()->check(CLI::ExistingDirectory);
  upcycleCmd->add_option("--out", upcycle.out, "MoE checkpoint folder to write")->required();
  upcycleCmd->add_option("--experts", upcycle.experts, "Experts per MoE layer")->check(CLI::Range(1, 1024));
  upcycleCmd->add_option("--top-k", upcycle.topK, "Experts per token (1 keeps the dense function at step 0)")
      ->check(CLI::Range(1, 1024));
  upcycleCmd->add_option("--noise", upcycle.noise, "Noise on each expert copy, in source std units (0 = exact)")
      ->check(CLI::Range(0.0, 10.0));
  upcycleCmd->add_option("--set", upcycle.overrides, "Override a key of the MoE config (repeatable)");
  upcycleCmd->add_option("--project", upcycle.projectDir,
                         "Project whose validation data the step-0 check runs on (default: the one around --from)");

  auto* dataCmd = app.add_subcommand("data", "Generate, validate and describe datasets");
  dataCmd->require_subcommand(1);
  DataGenerateOptions generate;
  auto* generateCmd = dataCmd->add_subcommand("generate", "Write the synthetic Vietnamese caption + VQA set (COCO and ViTextVQA layouts)");
  generateCmd->add_option("--out", generate.outDir, "Output folder")->required();
  generateCmd->add_option("--train", generate.trainImages, "Training images")->check(CLI::Range(1, 10000000));
  generateCmd->add_option("--val", generate.valImages, "Validation images")->check(CLI::Range(1, 10000000));
  generateCmd->add_option("--size", generate.imageSize, "Image side in pixels")->check(CLI::Range(16, 1024));
  generateCmd->add_option("--captions", generate.captionsPerImage, "Captions per image")->check(CLI::Range(1, 20));
  generateCmd->add_option("--seed", generate.seed, "Seed");
  generateCmd->add_option("--questions", generate.questionsPerImage, "Questions per image (0: no VQA file)")
      ->check(CLI::Range(0, 10));
  generateCmd->add_option("--domains", generate.domains,
                          "Comma-separated: shapes, digits_clocks, text_signs, textures, or all (default)");
  generateCmd->add_option("--jobs", generate.threads, "Threads drawing and encoding images")->check(CLI::Range(1, 256));
  DataValidateOptions validate;
  auto* validateCmd = dataCmd->add_subcommand(
      "validate", "Check a dataset (spec, annotation file or folder): every problem with file, record and field; "
                  "exit 0 clean, 1 problems, 2 nothing readable");
  validateCmd->add_option("path", validate.path, "Dataset spec JSON, annotation file (JSON/CSV) or folder")->required();
  validateCmd->add_option("--format", validate.format,
                          "coco_captions (uitviic, ktvic), vivqa, openvivqa, evjvqa, vitextvqa, viocrvqa, synthetic_vqa "
                          "(default: detected)");
  validateCmd->add_option("--images", validate.imageDir, "Image folder (default: <root>/images, else <root>)");
  validateCmd->add_flag("--no-decode", validate.skipImageDecode, "Only check that images exist (faster)");
  validateCmd->add_option("--jobs", validate.threads, "Threads decoding images")->check(CLI::Range(1, 256));

  DataStatsOptions stats;
  auto* statsCmd = dataCmd->add_subcommand(
      "stats", "Caption length histogram, vocabulary, answer distribution, question types, domains");
  statsCmd->add_option("path", stats.path, "Dataset spec JSON, annotation file or folder")->required();
  statsCmd->add_option("--format", stats.format, "Dataset format (default: detected)");
  statsCmd->add_option("--images", stats.imageDir, "Image folder");
  statsCmd->add_option("--tokenizer", stats.tokenizer, "SentencePiece model: report its coverage")
      ->check(CLI::ExistingFile);
  DataIndexOptions index;
  auto* indexCmd = dataCmd->add_subcommand("index", "Put a dataset's text into the FTS5 sample index of a store");
  indexCmd->add_option("path", index.path, "Dataset spec JSON, annotation file or folder")->required();
  indexCmd->add_option("--format", index.format, "Dataset format (default: detected)");
  indexCmd->add_option("--images", index.imageDir, "Image folder");
  indexCmd->add_option("--db", index.db, "Store (default: the project's)");
  indexCmd->add_option("--name", index.name, "Dataset name in the index (default: folder or file name)");
  DataTokenizerOptions tokenizer;
  auto* tokenizerCmd =
      dataCmd->add_subcommand("tokenizer", "Train a tokenizer (SentencePiece or CLIP's byte-level BPE) on a dataset's text and print its coverage");
  tokenizerCmd->add_option("path", tokenizer.path, "Dataset spec JSON, annotation file or folder")->required();
  tokenizerCmd->add_option("--out", tokenizer.out, "Model file, e.g. projects/demo/tokenizer/spm.model (clip-bpe: DIR/vocab.json)")->required();
  tokenizerCmd->add_option("--type", tokenizer.type, "unigram or bpe (SentencePiece), or clip-bpe (CLIP's byte-level BPE layout)")
      ->check(CLI::IsMember({"unigram", "bpe", "clip-bpe"}));
  tokenizerCmd->add_option("--vocab", tokenizer.vocabSize, "Vocabulary size")->check(CLI::Range(32, 64000));
  tokenizerCmd->add_option("--format", tokenizer.format, "Dataset format (default: detected)");
  tokenizerCmd->add_option("--images", tokenizer.imageDir, "Image folder");
  DataSearchOptions search;
  auto* searchCmd = dataCmd->add_subcommand("search", "Diacritic-insensitive search of the sample index");
  searchCmd->add_option("query", search.query, "Words, with or without diacritics (\"duong\" finds \"đường\")")
      ->required();
  searchCmd->add_option("--db", search.db, "Store holding the index")->required();
  searchCmd->add_option("--limit", search.limit, "Most hits to print")->check(CLI::Range(1, 100000));

  auto* modelCmd = app.add_subcommand("model", "Describe a model");
  modelCmd->require_subcommand(1);
  ModelInfoOptions modelInfo;
  auto* modelInfoCmd = modelCmd->add_subcommand("info", "Parameters (total, active per token), FLOPs, MoE layers");
  modelInfoCmd->add_option("config", modelInfo.configFile, "Experiment config (JSON)")->required();
  modelInfoCmd->add_option("--set", modelInfo.overrides, "Override a key: a.b=value (repeatable)");
  modelInfoCmd->add_flag("--json", modelInfo.json, "JSON output");

  BenchCliOptions bench;
  auto* benchCmd = app.add_subcommand("bench", "MoE layer vs dense FFN cost, training samples/s of a preset, loader, caption generation");
  benchCmd->add_option("--what", bench.what, "moe-layer | train | loader | generate (KV cache vs none) | all (moe-layer and train)")
      ->check(CLI::IsMember({"moe-layer", "train", "loader", "generate", "all"}));
  benchCmd->add_flag("--json", bench.json, "JSON output");
  benchCmd->add_option("--preset", bench.preset, "Model of the training benchmark")
      ->check(CLI::IsMember({"tiny", "small", "base", "large", "vit-s16", "vit-b16"}));
  benchCmd->add_option("--images", bench.loaderImages, "JPEGs of the loader benchmark")->check(CLI::Range(8, 1000000));
  benchCmd->add_option("--keep-images", bench.keepImages, "Write the loader benchmark's JPEGs to this folder and keep them");
  benchCmd->add_option("--batch", bench.batchSize, "Training batch size")->check(CLI::Range(2, 65536));
  benchCmd->add_option("--steps", bench.steps, "Timed training steps")->check(CLI::Range(1, 100000));
  benchCmd->add_option("--repeat", bench.repetitions, "Timed MoE-layer passes")->check(CLI::Range(1, 100000));
  benchCmd->add_option("--warmup", bench.warmup, "Untimed passes and steps first")->check(CLI::Range(0, 100000));

  ScoreCliOptions score;
  auto* scoreCmd =
      app.add_subcommand("score", "Caption (BLEU, ROUGE-L, CIDEr-D) or VQA (exact match, F1) scores of predictions");
  scoreCmd->add_option("task", score.task, "caption | vqa")->required()->check(CLI::IsMember({"caption", "vqa"}));
  scoreCmd->add_option("--pred", score.predFile, "Predictions: JSON list of {id, text} (VQA: {id, answer})")
      ->required();
  scoreCmd->add_option("--ref", score.refFile, "References: JSON list of {id, texts} (VQA: {id, answers, type})")
      ->required();
  scoreCmd->add_option("--tokenization", score.tokenization, "syllables (default) or segmented_words")
      ->check(CLI::IsMember({"syllables", "segmented_words"}));
  scoreCmd->add_flag("--json", score.json, "JSON output");
  scoreCmd->add_flag("--per-sample", score.perSample, "Also one row per sample");

  // Generation settings shared by caption, ask and eval (defaults: the checkpoint's task.*).
  const auto addGenerationOptions = [](CLI::App* cmd, GenerationCliOptions& g) {
    cmd->add_option("--beam", g.beamWidth, "Beam width (1 = greedy; default: task.beam_width)")->check(CLI::Range(1, 64));
    cmd->add_option("--length-penalty", g.lengthPenalty, "GNMT length penalty alpha (default: task.length_penalty)")
        ->check(CLI::Range(0.0, 5.0));
    cmd->add_option("--max-length", g.maxLength, "Most pieces generated")->check(CLI::Range(1, 512));
  };
  const char* checkpointHelp = "Checkpoint folder, or a project folder (its newest finished run of the kind)";

  ServeCliOptions serve;
  auto* serveCmd = app.add_subcommand("serve", "Load a checkpoint once and answer caption / ask / retrieve requests as JSON lines on stdin");
  serveCmd->add_option("--checkpoint", serve.checkpoint, "Checkpoint folder, or a project folder with --kind")->required();
  serveCmd->add_option("--kind", serve.kind, "caption | vqa | contrastive (a project: its newest finished run of that kind)")
      ->check(CLI::IsMember({"caption", "vqa", "contrastive"}));
  serveCmd->add_option("--images", serve.imagesDir, "Retrieval gallery folder (default: the checkpoint's validation images)");
  CaptionCliOptions caption;
  auto* captionCmd = app.add_subcommand("caption", "Caption images in Vietnamese with a trained caption checkpoint");
  captionCmd->add_option("images", caption.images, "Image files")->required();
  captionCmd->add_option("--checkpoint", caption.checkpoint, checkpointHelp)->required();
  addGenerationOptions(captionCmd, caption.generation);
  captionCmd->add_flag("--json", caption.json, "JSON output");

  AskCliOptions ask;
  auto* askCmd = app.add_subcommand("ask", "Answer a Vietnamese question about an image with a trained vqa checkpoint");
  askCmd->add_option("image", ask.image, "Image file")->required();
  askCmd->add_option("question", ask.question, "The question, e.g. \"Hình tròn màu gì?\"")->required();
  askCmd->add_option("--checkpoint", ask.checkpoint, checkpointHelp)->required();
  askCmd->add_option("--top", ask.top, "Classifier: also list the N most probable answers")->check(CLI::Range(1, 100));
  addGenerationOptions(askCmd, ask.generation);
  askCmd->add_flag("--json", ask.json, "JSON output");

  RetrieveCliOptions retrieve;
  auto* retrieveCmd = app.add_subcommand("retrieve", "Find the images that match a Vietnamese query (contrastive checkpoint)");
  retrieveCmd->add_option("query", retrieve.query, "The query, e.g. \"hình vuông màu đỏ\"")->required();
  retrieveCmd->add_option("--checkpoint", retrieve.checkpoint, checkpointHelp)->required();
  retrieveCmd->add_option("--images", retrieve.imagesDir, "Search this folder's images (default: the validation split)");
  retrieveCmd->add_option("--top", retrieve.top, "Images to list")->check(CLI::Range(1, 1000));
  retrieveCmd->add_flag("--json", retrieve.json, "JSON output");
  retrieveCmd->add_flag("--routing", retrieve.routing, "With --json: also the query's routing through the MoE text tower");

  EvalCliOptions evalOptions;
  auto* evalCmd = app.add_subcommand("eval", "Evaluate a checkpoint on a whole split, next to the baselines; store the results");
  evalCmd->add_option("--task", evalOptions.task, "caption | vqa | retrieval")->required()
      ->check(CLI::IsMember({"caption", "vqa", "retrieval"}));
  evalCmd->add_option("--checkpoint", evalOptions.checkpoint, checkpointHelp)->required();
  evalCmd->add_option("--split", evalOptions.split, "val (default) or train")->check(CLI::IsMember({"val", "train"}));
  evalCmd->add_option("--store", evalOptions.storePath, "Store to write the eval rows to (default: the project's; none = skip)");
  evalCmd->add_option("--project", evalOptions.projectDir,
                      "Project whose data the checkpoint's data.root names (default: the project around the checkpoint)");
  evalCmd->add_option("--data", evalOptions.dataRoot, "Dataset folder to evaluate on, in the checkpoint's data.format (replaces data.root)");
  evalCmd->add_option("--max-samples", evalOptions.maxSamples, "Only the first N images / questions")->check(CLI::NonNegativeNumber);
  addGenerationOptions(evalCmd, evalOptions.generation);
  evalCmd->add_flag("--json", evalOptions.json, "JSON output");

  AttackCliOptions attack;
  auto* attackCmd = app.add_subcommand("attack", "Adversarial eps sweep on a checkpoint: accuracy and routing change");
  attackCmd->add_option("--checkpoint", attack.checkpoint, checkpointHelp)->required();
  attackCmd->add_option("--attack", attack.attack, "fgsm | pgd (default; the paper's 40 steps of eps/40) | apgd")
      ->check(CLI::IsMember({"fgsm", "pgd", "apgd"}));
  attackCmd->add_option("--eps", attack.eps, "Radii on [0, 1] pixels, comma-separated (default 1/255,2/255,4/255,8/255)");
  attackCmd->add_option("--target", attack.target,
                        "auto | retrieval (contrastive default) | zero_shot | vqa | caption")
      ->check(CLI::IsMember({"auto", "retrieval", "zero_shot", "vqa", "caption"}));
  attackCmd->add_option("--loss", attack.loss, "ce (default) | dlr")->check(CLI::IsMember({"ce", "dlr"}));
  attackCmd->add_option("--steps", attack.steps, "Attack steps (0: PGD 40, APGD 100)")->check(CLI::Range(0, 100000));
  attackCmd->add_option("--step-size", attack.stepSize, "PGD step (default eps / steps)")->check(CLI::Range(0.0, 1.0));
  attackCmd->add_flag("--random-start", attack.randomStart, "PGD: start from a uniform point of the ball");
  attackCmd->add_option("--restarts", attack.restarts, "APGD restarts")->check(CLI::Range(1, 100));
  attackCmd->add_flag("--aux-loss", attack.auxLoss, "Maximise task loss + the router's auxiliary loss");
  attackCmd->add_option("--aux-weight", attack.auxWeight, "Weight of the aux loss in the attack objective (default 1)");
  attackCmd->add_option("--samples", attack.samples, "Validation samples attacked (default 256)")->check(CLI::Range(1, 10000000));
  attackCmd->add_option("--batch-size", attack.batchSize, "Samples per attack batch")->check(CLI::Range(1, 65536));
  attackCmd->add_option("--seed", attack.seed, "Random starts");
  attackCmd->add_option("--examples", attack.examples, "Samples kept for the example viewer")->check(CLI::Range(0, 64));
  attackCmd->add_flag("--lipschitz", attack.lipschitz, "Also local Lipschitz, spectral norms and Lemma 1 terms");
  attackCmd->add_option("--store", attack.storePath, "Store (default: the project's; none = skip)");
  attackCmd->add_option("--out", attack.outDir, "Report folder (default <project>/attacks/<run id>)");
  attackCmd->add_option("--table", attack.tableOut, "Also write the markdown table to this file");
  attackCmd->add_flag("--json", attack.json, "JSON output");

  // Compression lab (issue 8): docs/compression.md.
  CompressCliOptions compressOptions;
  auto* compressCmd = app.add_subcommand(
      "compress", "Low-rank factorisation of a contrastive checkpoint under a parameter budget (RL agent or baseline)");
  compressCmd->add_option("--checkpoint", compressOptions.checkpoint, checkpointHelp)->required();
  compressCmd->add_option("--budget", compressOptions.budget, "Share of the factorisable parameters to keep, in (0, 1) (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  compressCmd->add_option("--agent", compressOptions.agent, "ppo (default) | reinforce | uniform | energy | asvd")
      ->check(CLI::IsMember({"ppo", "reinforce", "uniform", "energy", "asvd"}));
  compressCmd->add_option("--episodes", compressOptions.episodes, "RL episodes (default 200)")->check(CLI::Range(1, 1000000));
  compressCmd->add_option("--seed", compressOptions.seed, "Seed of the agent and the randomised methods (default 1)");
  compressCmd->add_option("--methods", compressOptions.methods, "The agent's methods, comma-separated: svd, asvd, rsvd, cur, nmf");
  compressCmd->add_option("--ranking-images", compressOptions.rankingImages,
                          "Validation images in the ranking (reward) set, at most half (default 128)")
      ->check(CLI::Range(2, 1000000));
  compressCmd->add_option("--out", compressOptions.out, "Compressed checkpoint folder (default <project>/checkpoints/<run id>-compress-...)");
  compressCmd->add_option("--store", compressOptions.storePath, "Store (default: the project's; none = skip)");
  compressCmd->add_flag("--json", compressOptions.json, "JSON output (the report)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints help (exit 0) or the error; bad arguments are bad input.
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  }
  configureThreads(threads);

  try {
    if (configCmd->parsed()) return runConfigDump(configDump);
    if (trainCmd->parsed()) {
      if (resumeOpt->count() > 0) train.resumeRunId = resume;
      train.threadsFromCommandLine = threadsOpt->count() > 0;
      if (train.configFile.empty() && !train.resumeRunId) {
        std::fprintf(stderr, "error: train needs a config file or --resume RUN_ID\n");
        return kExitBadInput;
      }
      const std::string title = train.resumeRunId ? "Resuming run " + std::to_string(*train.resumeRunId)
                                                  : "Training " + std::filesystem::path(train.configFile).stem().string();
      return runAsJob("train", title, [&] { return runTrain(train); });
    }
    if (studyCmd->parsed())
      return runAsJob("study", "Study " + std::filesystem::path(study.studyFile).stem().string() + (study.smoke ? " (smoke)" : ""),
                      [&] { return runStudyVerb(study); });
    if (runsList->parsed()) return runRunsList(runs);
    if (runsShow->parsed()) {
      runs.runId = showId;
      return runRunsShow(runs);
    }
    if (upcycleCmd->parsed()) return runUpcycle(upcycle);
    if (importCmd->parsed()) return runImport(importOptions);
    if (exportCmd->parsed()) return runExport(exportOptions);
    if (embedCmd->parsed()) return runEmbed(embed);
    if (generateCmd->parsed()) return runDataGenerate(generate);
    if (validateCmd->parsed()) return runDataValidate(validate);
    if (statsCmd->parsed()) return runDataStats(stats);
    if (indexCmd->parsed()) return runDataIndex(index);
    if (searchCmd->parsed()) return runDataSearch(search);
    if (tokenizerCmd->parsed()) return runDataTokenizer(tokenizer);
    if (modelInfoCmd->parsed()) return runModelInfo(modelInfo);
    if (benchCmd->parsed()) return runBench(bench);
    if (scoreCmd->parsed()) return runScore(score);
    if (captionCmd->parsed()) return runCaption(caption);
    if (serveCmd->parsed()) return runServe(serve);
    if (askCmd->parsed()) return runAsk(ask);
    if (retrieveCmd->parsed()) return runRetrieve(retrieve);
    if (evalCmd->parsed()) return runEval(evalOptions);
    if (attackCmd->parsed())
      return runAsJob("attack", "Attack (" + attack.attack + ") on " + attack.checkpoint, [&] { return runAttack(attack); });
    if (compressCmd->parsed())
      return runAsJob("compress", "Compress " + compressOptions.checkpoint + " (" + compressOptions.agent + ")",
                      [&] { return runCompress(compressOptions); });
  } catch (const std::exception& e) {
    // A broken invariant in the core: report it instead of dying with a core dump.
    std::fprintf(stderr, "internal error: %s\n", e.what());
    return kExitFailed;
  }
  return kExitBadInput;
}
