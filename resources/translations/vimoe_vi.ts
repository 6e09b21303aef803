<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>QObject</name>
    <message>
        <source>E%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no routing row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (dropped)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::CliJob</name>
    <message>
        <source>cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the vimoe process crashed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ConfigForm</name>
    <message>
        <source>must be a whole number in [0, %1]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::CurvePlot</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (raw)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::CurvesPanel</name>
    <message>
        <source>Log x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential moving average weight (as in TensorBoard); the raw values stay visible, faded. 0 shows the raw values only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic step axis; steps &lt;= 0 are not drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic value axis; values &lt;= 0 are not drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet — Run &gt; Run study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select runs in the Runs table to plot their curves.
Ctrl-click a dense and an MoE run to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected runs have not logged any metric yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::DataBrowserPanel</name>
    <message>
        <source>%1 — %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open — File &gt; Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search captions, questions, answers (with or without diacritics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a problem to show its sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate the synthetic dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That record was not loaded, so there is no sample to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All project datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project lists no datasets (datasets/*.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The synthetic dataset has not been generated yet.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset could be read:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All question types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1 images and %2 problems in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the synthetic dataset into %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the dataset failed (exit code %1): see the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::DataStatsView</name>
    <message>
        <source>Caption length (syllables)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visual domains (images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most frequent answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images · %2 captions · %3 questions (%4 with placeholder answers) · vocabulary %5 syllables · %6 distinct answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>captions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::DemoPanel</name>
    <message>
        <source>Captioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption (Vietnamese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hỏi về ảnh, ví dụ: Hình trong ảnh màu gì?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visual question answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tìm ảnh, ví dụ: hình tròn màu đỏ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text-to-image retrieval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models: the newest finished caption, VQA and contrastive runs of this project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open — File &gt; Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took %2 s (model load included).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
(double-click: use as the demo image)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::DemoRoutingView</name>
    <message>
        <source>Routing, layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The routing of the last input appears here (MoE models).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dense model: every token goes through the one FFN, there is no routing to show.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ExperimentEditor</name>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an experiment config (JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to the open file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to a new file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a problem to go to its field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems: the config is ready to launch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before launching:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fix the %n problem(s) listed below first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A run is in progress: wait for it or cancel it (Run &gt; Cancel run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the config and train it (vimoe train) into the project&apos;s store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (modified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1; the editor still shows the previous config.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved with %n problem(s): vimoe train refuses the file until they are fixed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The config has no file yet: use Save As.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The config has unsaved changes. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open experiment config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment configs (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save experiment config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment configs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ExperimentSections</name>
    <message>
        <source>Config key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder; inside the project it is stored relative to the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s name in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contrastive — image-text retrieval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>caption — Vietnamese captioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vqa — visual question answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the run trains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimiser steps of the whole run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds the initialisation, data order and augmentation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scalars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss, learning rate and throughput.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation metrics (recall, BLEU/CIDEr, accuracy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per expert and layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing of the fixed probe set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model, optimiser and RNG state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed validation images whose routing is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intra-op threads of the training process; 0 uses every core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto — CUDA when available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the training process runs the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative to the project; each run gets a subfolder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative to the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coco_captions — UIT-ViIC / KTVIC layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synthetic_captions — generated when missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the dataset folder is read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square input size; a multiple of the patch size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max text length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captions and questions are cut to this many pieces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SentencePiece model, relative to the project; trained when missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SentencePiece pieces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images generated for training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic val</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images generated for validation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captions per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnamese captions per synthetic image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question-answer pairs per image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated: shapes, digits_clocks, text_signs, textures (or all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom — the shapes below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choosing a preset fills in both towers and the embedding size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViT patch edge; divides the image size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared image-text space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One tower for both modalities (LIMoE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared tower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image tower&apos;s blocks also run the text; both columns must match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from scratch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initialise from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint folder. A dense checkpoint into an MoE config is sparse-upcycled (every expert a copy of the FFN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLP ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Image tower&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Text tower&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the %2 tower&apos;s transformer blocks.
Config key: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixture of experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparse MoE layers (off: the dense baseline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MoE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the FFN of the chosen blocks by routed experts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routed experts per MoE layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experts each token is sent to; at most the number of experts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top_k — token choice (Switch, V-MoE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noisy_top_k — with gate noise (Shazeer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch_priority — BPR (V-MoE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expert_choice — experts pick tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Router</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How tokens are assigned to experts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto — renormalise when top-k &gt; 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate normalisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the chosen experts&apos; gates are weighted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity (train)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity (eval)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert buffer size as a multiple of an even share of the tokens; 0 drops nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both towers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image tower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text tower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MoE in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which towers get MoE layers (the text side includes a caption decoder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every n-th block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last n blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which blocks of a tower are MoE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every_nth: blocks n-1, 2n-1, ...; last_n: the last n blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Router init std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard deviation of the router weights at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (1/E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate noise std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noisy_top_k only; 0 uses 1 / number of experts (V-MoE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always-on dense expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dense FFN beside the routed experts (DeepSeekMoE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias balancing rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aux-loss-free balancing step (DeepSeek-V3); token-choice routers only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Losses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip — softmax InfoNCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>siglip — pairwise sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrastive loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image-text objective of contrastive runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch load-balancing loss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Router z-loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps router logits small (ST-MoE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shazeer importance CV².</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shazeer load CV²; noisy_top_k only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIMoE per-token entropy: confident routing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIMoE global entropy hinge: use enough experts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the term in the total loss; 0 = off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global entropy floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hinge is log(this) nats; at most the number of experts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimiser and schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples per step (image-text pairs, or questions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak AdamW learning rate, after warmup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoupled (AdamW) weight decay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β₁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW first-moment decay, in [0, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β₂</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW second-moment decay, in [0, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW denominator term.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warmup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear warmup; fewer than the run&apos;s steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate after warmup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final LR ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosine floor as a fraction of the peak learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global gradient-norm limit; 0 = off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task (caption, VQA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoder from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrastive checkpoint folder whose image tower starts the encoder; a study may write @variant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train only the decoder and heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze encoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the image tower&apos;s weights fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classify — over training answers (ViVQA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generate — decode the answer (OpenViVQA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VQA head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How answers are produced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most frequent training answers the classifier knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 (greedy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beam width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beam search width when decoding; 1 is greedy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GNMT α: score / ((5 + length) / 6)^α.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as max text length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pieces generated at most; 0 = the data&apos;s max text length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eval samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation images or questions decoded at each evaluation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syllables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segmented words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What BLEU, ROUGE-L and CIDEr-D count as tokens.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ExpertDetailViews</name>
    <message>
        <source>expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of the layer&apos;s routed tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped share (over capacity / routed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Router entropy (per token, logged by the trainer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load entropy (of the experts&apos; shares)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of the modality&apos;s tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of the class&apos;s tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entropy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers × experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No expert-load snapshots logged yet for this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 E%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 E%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 · fair share %2 · %3 dead (%4 share &amp;lt; 1% of fair): %5 · %6 overloaded (outlined, share &amp;gt; 2× fair): %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>router entropy / log E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean entropy of each token&apos;s router probabilities / log E (moe/&amp;lt;layer&amp;gt;/router_entropy): 0 = every token sure of one expert, 1 = uniform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>load entropy / log E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entropy of the experts&apos; shares of each layer / log E: 1 = every expert equally used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run logged no router entropy; shown is the entropy of the experts&apos; shares / log E: 1 = every expert equally used, 0 = one expert takes all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No per-modality token counts at this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 · each row: where that modality&apos;s tokens went in the layer (rows sum to 100%; 2× fair share saturates). A layer of a shared tower has two rows: an expert bright in one and dark in the other has specialised in that modality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No expert × class rows for this run: they come with routing snapshots of a probe set whose images have classes (the synthetic domains; real datasets have none yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No expert × class rows for this layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · routing snapshot of the probe set at step %2 (nearest to step %3) · each row: where that class&apos;s tokens went (top-k choices that were kept)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ExpertLoadPanel</name>
    <message>
        <source>The expert-load snapshot that the layer, modality and class tabs show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of routed tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the runs has MoE layers: expert load appears for MoE runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet — Run &gt; Run study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No expert-load snapshots logged yet for this run and layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E%1 dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 experts · %2 snapshots · fair share %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · no dead experts at the last snapshot (%1 = share &amp;lt; 1% of fair)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · &lt;b&gt;dead at the last snapshot: %1&lt;/b&gt; (%2 = share &amp;lt; 1% of fair)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::HeatmapPlot</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ImageDropArea</name>
    <message>
        <source>Drop an image here
or choose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot decode
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::LogPanel</name>
    <message>
        <source>Output of runs started from the Run menu appears here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::PatchOverlayView</name>
    <message>
        <source>patch row %1, column %2 (token %3)
%4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RoutingInspectorPanel</name>
    <message>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe sample:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 · %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the runs has MoE layers: routing snapshots appear for MoE runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet — Run &gt; Run study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading routing snapshots…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (every %1 steps for this run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routing snapshots for this run yet: routing snapshots appear every run.routing_every steps%1, for the probe set of run.probe_images validation images.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RoutingSnapshotView</name>
    <message>
        <source>Overlay strength: a patch&apos;s opacity is its gate times this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image patches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token paths across MoE layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run has no MoE layer in the image tower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Image file missing:&lt;/b&gt; %1 — the patch grid is drawn on grey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Image file unreadable:&lt;/b&gt; %1 — the patch grid is drawn on grey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:gray&quot;&gt;%1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %1 patches · %2 with the first choice dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class token: %1 &lt;b&gt;E%2&lt;/b&gt; · gate %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · &lt;b&gt;dropped&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&amp;nbsp;E%2&amp;nbsp;&lt;span style=&quot;color:gray&quot;&gt;%3&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&quot;color:gray&quot;&gt;number = top-1 tokens of this sample in the layer · opacity = gate · hatched = first choice dropped (over capacity)&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run has no MoE layer in the text tower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:gray&quot;&gt;%1 tokens · %2 dropped · “%3”&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>r%1 c%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routing rows of this modality in the snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:gray&quot;&gt;%1 tokens × %2 layers · cell = top-1 expert · click a patch or a chip to find its row&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer to layer&lt;/b&gt; &lt;span style=&quot;color:gray&quot;&gt;· top-1 experts of all %1 probe samples · row = expert in the earlier layer · follow = share that go where most of their expert goes&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RoutingWorker</name>
    <message>
        <source>Reading routing snapshots failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RunLauncher</name>
    <message>
        <source>A run is already in progress: cancel it or wait until it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start %1: %2. Check that the vimoe CLI is built and executable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RunProgressWidget</name>
    <message>
        <source> · ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RunsModel</name>
    <message>
        <source>%1 (MoE: %2 layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation recall@1, image to text (latest evaluation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation recall@1, text to image (latest evaluation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss at the last logged step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R@1 i→t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R@1 t→i</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RunsPanel</name>
    <message>
        <source>No runs yet — Run &gt; Run study</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::SampleDetailView</name>
    <message>
        <source>Captions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (placeholder answer, never scored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot decode
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::TokenChipsView</name>
    <message>
        <source>token %1 “%2”
%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::TokenPathsView</name>
    <message>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::TransitionsView</name>
    <message>
        <source>One MoE layer in this modality: no layer-to-layer transitions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 · %3 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same expert %1 · follow %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E%1 → E%2: %3 of %4 tokens (%5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::workbench::MainWindow</name>
    <message>
        <source>ViMoE Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open — File &gt; Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading runs from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run store yet (%1): start a study from the Run menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A study is still running in this project: cancel it (Run &gt; Cancel run) before opening another project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — ViMoE Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet — Run &gt; Run study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened project %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A study is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit and cancel the running study? It stops at the next step, saves a checkpoint and is marked cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface language changes at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a ViMoE project (a folder with vimoe-project.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project: choose an empty folder (its name becomes the project name)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vimoe::workbench::RunController</name>
    <message>
        <source>&amp;Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No studies in this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 (smoke: a few steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study %1 (smoke)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] starting %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first: a run is stored in its project&apos;s store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: the run stops at the next step, saves a checkpoint and is marked cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 crashed. The log panel has its last output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed (exit code %2). The log panel has the details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
