// The downstream tasks through the real CLI: the dense-vs-MoE downstream study in smoke mode
// (contrastive, caption and VQA variants, the later ones starting from the contrastive
// checkpoints), a captioner trained long enough to write Vietnamese, then `vimoe caption`,
// `ask`, `retrieve` and `eval` on what was trained.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"
#include "vimoe/store/run_store.h"

using namespace vimoe;
using test_support::runCli;

namespace {

// Valid UTF-8 with at least one Vietnamese letter outside ASCII (a diacritic).
bool looksVietnamese(const std::string& text) {
  bool nonAscii = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    nonAscii = nonAscii || length > 1;
    i += length;
  }
  return nonAscii;
}

}  // namespace

TEST(CliDownstream, SmokeStudyThenCaptionAskRetrieveAndEval) {
  test_support::ScratchDir dir;
  test_support::copyDemoProject(dir.path(""));
  const std::string storePath = dir.path("e2e.db");
  const auto study = runCli({"--threads", "1", "study", dir.path("studies/downstream-dense-vs-moe.json"), "--smoke", "--store",
                             storePath, "--csv", dir.path("table.csv")},
                            dir.path(""));
  ASSERT_EQ(study.exitCode, 0) << study.err;
  for (const char* line : {"| caption-moe-e4 |", "| vqa-dense |", "| baseline: nearest-neighbour caption |",
                           "| baseline: majority answer |", "| CIDEr-D |", "| exact match |"})
    EXPECT_NE(study.out.find(line), std::string::npos) << line << "\n" << study.out;
  const auto csv = test_support::slurp(dir.path("table.csv"));
  EXPECT_EQ(csv.rfind("study,kind,variant,run,status,", 0), 0u) << csv;
  EXPECT_NE(csv.find("downstream-dense-vs-moe,vqa,vqa-moe-e4,"), std::string::npos) << csv;

  auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  std::map<std::string, store::RunInfo> byName;
  for (const auto& run : store->listRuns().value()) byName[run.name] = run;
  ASSERT_EQ(byName.size(), 6u);
  const auto& captioner = byName.at("downstream-dense-vs-moe/caption-moe-e4");
  EXPECT_EQ(captioner.kind, "caption");
  EXPECT_EQ(store->moeLayers(captioner.id)->size(), 4u);  // 2 image blocks + 2 decoder blocks

  // Six smoke steps do not make a captioner; 100 steps on the smoke data write Vietnamese.
  const auto trained = runCli({"--threads", "1", "train", dir.path("experiments/caption-tiny.json"),
                               "--set", "data.root=data/synthetic-smoke", "--set", "data.tokenizer=tokenizer/spm-smoke.model",
                               "--set", "data.synthetic.train_images=96", "--set", "data.synthetic.val_images=32",
                               "--set", "run.steps=100", "--set", "optim.warmup_steps=10", "--set", "optim.batch_size=32",
                               "--set", "run.eval_every=100", "--set", "task.eval_samples=8", "--set", "run.name=e2e-caption"},
                              dir.path(""));
  ASSERT_EQ(trained.exitCode, 0) << trained.err;
  const std::string image = dir.path("data/synthetic-smoke/images/val/000001.png");
  // The project folder stands for its newest finished caption run (the one just trained).
  const auto caption = runCli({"caption", image, "--checkpoint", dir.path(""), "--beam", "2", "--json"}, dir.path(""));
  ASSERT_EQ(caption.exitCode, 0) << caption.err;
  const auto captions = nlohmann::json::parse(caption.out);
  ASSERT_EQ(captions.size(), 1u);
  const auto text = captions[0]["caption"].get<std::string>();
  EXPECT_TRUE(looksVietnamese(text)) << text;

  const auto& vqa = byName.at("downstream-dense-vs-moe/vqa-dense");
  const auto ask = runCli({"ask", image, "Hình trong ảnh màu gì?", "--checkpoint", vqa.checkpointDir, "--top", "3", "--json"},
                          dir.path(""));
  ASSERT_EQ(ask.exitCode, 0) << ask.err;
  const auto answer = nlohmann::json::parse(ask.out);
  EXPECT_EQ(answer["candidates"].size(), 3u);
  EXPECT_EQ(answer["answer"], answer["candidates"][0]["answer"]);
  EXPECT_GE(answer["candidates"][0]["probability"].get<double>(), answer["candidates"][1]["probability"].get<double>());

  const auto retrieve = runCli({"retrieve", "hình tròn màu đỏ", "--checkpoint", byName.at("downstream-dense-vs-moe/retrieval-dense").checkpointDir,
                                "--top", "4", "--json"},
                               dir.path(""));
  ASSERT_EQ(retrieve.exitCode, 0) << retrieve.err;
  const auto hits = nlohmann::json::parse(retrieve.out);
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_GE(hits[0]["similarity"].get<double>(), hits[3]["similarity"].get<double>());
  EXPECT_TRUE(std::filesystem::exists(hits[0]["image"].get<std::string>()));

  const auto evaluated = runCli({"eval", "--task", "vqa", "--checkpoint", vqa.checkpointDir, "--store", storePath, "--json"},
                                dir.path(""));
  ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
  const auto report = nlohmann::json::parse(evaluated.out);
  EXPECT_EQ(report["stored"], "run " + std::to_string(vqa.id) + " in " + storePath);
  const auto metrics = report["metrics"];
  EXPECT_TRUE(metrics.contains("vqa/exact_match"));
  EXPECT_TRUE(metrics.contains("baseline/majority/exact_match"));
  // The project's own store numbers its runs differently: nothing is attached to a stranger.
  const auto elsewhere = runCli({"eval", "--task", "vqa", "--checkpoint", vqa.checkpointDir, "--max-samples", "8", "--json"},
                                dir.path(""));
  ASSERT_EQ(elsewhere.exitCode, 0) << elsewhere.err;
  EXPECT_EQ(nlohmann::json::parse(elsewhere.out)["stored"], "");
  EXPECT_NE(elsewhere.err.find("not stored"), std::string::npos) << elsewhere.err;

  // Wrong kind of checkpoint and an unreadable image are bad input that names the problem.
  const auto wrongKind = runCli({"caption", image, "--checkpoint", vqa.checkpointDir}, dir.path(""));
  EXPECT_EQ(wrongKind.exitCode, 2);
  EXPECT_NE(wrongKind.err.find("captioning needs a caption one"), std::string::npos) << wrongKind.err;
  const auto notImage = runCli({"caption", dir.path("vimoe-project.json"), "--checkpoint", captioner.checkpointDir}, dir.path(""));
  EXPECT_EQ(notImage.exitCode, 2);
  EXPECT_NE(notImage.err.find("vimoe-project.json: not an image"), std::string::npos) << notImage.err;

  // `vimoe serve`: one loaded model answers request after request with what the one-shot verb
  // prints; a bad request gets an error reply and the server goes on.
  {
    std::ofstream requests(dir.path("requests.jsonl"), std::ios::binary);
    const nlohmann::json captionRequest = {{"id", 1}, {"task", "caption"}, {"image", image}, {"beam_width", 2}};
    requests << captionRequest.dump() << "\n"
             << nlohmann::json({{"id", 2}, {"task", "ask"}, {"image", image}, {"question", "màu gì?"}}).dump() << "\n"
             << "not json\n"
             << captionRequest.dump() << "\n";
  }
  const std::string command = std::string(VIMOE_CLI_PATH) + " --threads 1 serve --checkpoint '" + dir.path("") +
                              "' --kind caption < '" + dir.path("requests.jsonl") + "' > '" + dir.path("replies.jsonl") + "' 2> '" +
                              dir.path("serve.err") + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << test_support::slurp(dir.path("serve.err"));
  std::vector<nlohmann::json> replies;
  std::istringstream lines(test_support::slurp(dir.path("replies.jsonl")));
  for (std::string line; std::getline(lines, line);) replies.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(replies.size(), 5u);
  EXPECT_EQ(replies[0]["event"], "ready");
  EXPECT_EQ(replies[0]["kind"], "caption");
  EXPECT_EQ(replies[0]["run"], "e2e-caption");
  for (const std::size_t i : {1u, 4u}) {
    ASSERT_TRUE(replies[i]["ok"].get<bool>()) << replies[i].dump();
    EXPECT_EQ(replies[i]["id"], 1);
    EXPECT_EQ(replies[i]["result"][0]["caption"], text);  // the one-shot verb's caption, beam 2
    EXPECT_GT(replies[i]["ms"].get<double>(), 0.0);
  }
  EXPECT_FALSE(replies[2]["ok"].get<bool>());
  EXPECT_NE(replies[2]["error"].get<std::string>().find("questions need a vqa one"), std::string::npos) << replies[2].dump();
  EXPECT_NE(replies[3]["error"].get<std::string>().find("request line 3: not a JSON object"), std::string::npos) << replies[3].dump();
}
