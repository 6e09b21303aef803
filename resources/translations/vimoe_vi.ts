<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>QFileDialog</name>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>E%1</source>
        <translation>E%1</translation>
    </message>
    <message>
        <source>no routing row</source>
        <translation>không có dòng định tuyến</translation>
    </message>
    <message>
        <source>E%1 %2</source>
        <translation>E%1 %2</translation>
    </message>
    <message>
        <source> (dropped)</source>
        <translation> (bị loại)</translation>
    </message>
    <message>
        <source>run %1 is running: cancel it first</source>
        <translation>lượt chạy %1 đang chạy: hãy hủy nó trước</translation>
    </message>
    <message>
        <source>the run was deleted, but its checkpoint folder %1 is outside the project and was kept</source>
        <translation>lượt chạy đã bị xóa, nhưng thư mục checkpoint %1 nằm ngoài dự án nên được giữ lại</translation>
    </message>
    <message>
        <source>the run was deleted, but %1 could not be removed</source>
        <translation>lượt chạy đã bị xóa, nhưng không xóa được %1</translation>
    </message>
    <message>
        <source>report.json is not a JSON object (%1)</source>
        <translation>report.json không phải là một đối tượng JSON (%1)</translation>
    </message>
    <message>
        <source>No report.json in %1</source>
        <translation>Không có report.json trong %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Không đọc được %1: %2</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::AttackCurvesView</name>
    <message>
        <source>Prediction change</source>
        <translation>Thay đổi dự đoán</translation>
    </message>
    <message>
        <source>Also draw the share of samples whose prediction the attack changed (dashed)</source>
        <translation>Vẽ thêm tỉ lệ mẫu bị tấn công làm đổi dự đoán (nét đứt)</translation>
    </message>
    <message>
        <source>caption NLL</source>
        <translation>NLL của chú thích</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>độ chính xác</translation>
    </message>
    <message>
        <source> · prediction change (dashed)</source>
        <translation> · thay đổi dự đoán (nét đứt)</translation>
    </message>
    <message>
        <source>eps (/255)</source>
        <translation>eps (/255)</translation>
    </message>
    <message>
        <source>%1 prediction change</source>
        <translation>%1 thay đổi dự đoán</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::AttackExampleView</name>
    <message>
        <source>The image MoE layer whose top-1 experts the two grids show</source>
        <translation>Lớp MoE ảnh có các chuyên gia top-1 được hai lưới hiển thị</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Ví dụ:</translation>
    </message>
    <message>
        <source>Image layer:</source>
        <translation>Lớp ảnh:</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Ảnh gốc</translation>
    </message>
    <message>
        <source>Adversarial</source>
        <translation>Ảnh đối kháng</translation>
    </message>
    <message>
        <source>Difference (amplified)</source>
        <translation>Hiệu (khuếch đại)</translation>
    </message>
    <message>
        <source>Experts before</source>
        <translation>Chuyên gia trước</translation>
    </message>
    <message>
        <source>Experts after (changed outlined)</source>
        <translation>Chuyên gia sau (ô thay đổi được viền)</translation>
    </message>
    <message>
        <source>(adversarial - original) / (2 eps) + 0.5: grey = unchanged, the full range = +-eps</source>
        <translation>(đối kháng - gốc) / (2 eps) + 0.5: xám = không đổi, toàn dải = +-eps</translation>
    </message>
    <message>
        <source>sample %1 · eps %2</source>
        <translation>mẫu %1 · eps %2</translation>
    </message>
    <message>
        <source>Choose an attack run.</source>
        <translation>Hãy chọn một lượt tấn công.</translation>
    </message>
    <message>
        <source>This sweep kept no examples (its report lists none).</source>
        <translation>Lượt quét này không giữ ví dụ nào (báo cáo không liệt kê ví dụ).</translation>
    </message>
    <message>
        <source>Sample %1 at eps %2 (%3).</source>
        <translation>Mẫu %1 ở eps %2 (%3).</translation>
    </message>
    <message>
        <source>Sample %1 at eps %2 · caption: %3</source>
        <translation>Mẫu %1 ở eps %2 · chú thích: %3</translation>
    </message>
    <message>
        <source>Sample %1 at eps %2 · question: %3</source>
        <translation>Mẫu %1 ở eps %2 · câu hỏi: %3</translation>
    </message>
    <message>
        <source>No label prediction for this task: the curve shows the caption&apos;s NLL.</source>
        <translation>Tác vụ này không dự đoán nhãn: đường cong hiển thị NLL của chú thích.</translation>
    </message>
    <message>
        <source>truth: %1  ·  before: %2  →  after: %3  ·  %4</source>
        <translation>đúng: %1  ·  trước: %2  →  sau: %3  ·  %4</translation>
    </message>
    <message>
        <source>prediction changed</source>
        <translation>dự đoán đã đổi</translation>
    </message>
    <message>
        <source>prediction kept</source>
        <translation>dự đoán giữ nguyên</translation>
    </message>
    <message>
        <source>No expert choices stored for this example.</source>
        <translation>Ví dụ này không lưu lựa chọn chuyên gia nào.</translation>
    </message>
    <message>
        <source>Dense model: no routing, so no expert choices to compare.</source>
        <translation>Mô hình dày đặc: không có định tuyến, nên không có lựa chọn chuyên gia để so sánh.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 patches (%4%) changed their top-1 expert</source>
        <translation>%1: %2 trên %3 mảnh (%4%) đã đổi chuyên gia top-1</translation>
    </message>
    <message>
        <source>; class token: E%1 → E%2</source>
        <translation>; token lớp: E%1 → E%2</translation>
    </message>
    <message>
        <source>; class token stays on E%1</source>
        <translation>; token lớp vẫn ở E%1</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::AttackWorker</name>
    <message>
        <source>Reading attack runs failed: %1</source>
        <translation>Đọc các lượt tấn công thất bại: %1</translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation>Chưa mở kho lượt chạy nào.</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::CliJob</name>
    <message>
        <source>cannot start %1: %2</source>
        <translation>không thể khởi động %1: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>the vimoe process crashed: %1</source>
        <translation>tiến trình vimoe bị sập: %1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>mã thoát %1</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::CompressWorker</name>
    <message>
        <source>Reading compress runs failed: %1</source>
        <translation>Đọc các lượt nén thất bại: %1</translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation>Chưa mở kho lượt chạy nào.</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::CompressionPanel</name>
    <message>
        <source>Whose per-layer ranks the bars show: the plan written to the checkpoint, or a baseline&apos;s</source>
        <translation>Các cột hiển thị hạng theo lớp của kế hoạch nào: kế hoạch được ghi vào checkpoint, hoặc của một đường cơ sở</translation>
    </message>
    <message>
        <source>episode</source>
        <translation>tập</translation>
    </message>
    <message>
        <source>reward (ranking metric / dense)</source>
        <translation>phần thưởng (chỉ số xếp hạng / dày đặc)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Ranking metric</source>
        <translation>Chỉ số xếp hạng</translation>
    </message>
    <message>
        <source>Report metric</source>
        <translation>Chỉ số báo cáo</translation>
    </message>
    <message>
        <source>Size ratio</source>
        <translation>Tỉ lệ kích thước</translation>
    </message>
    <message>
        <source>Model size ratio</source>
        <translation>Tỉ lệ kích thước mô hình</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Tham số</translation>
    </message>
    <message>
        <source>MACs / token</source>
        <translation>MAC / token</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>Multiply-accumulates per token of the factorisable matrices (FLOPs ≈ 2 × MACs)</source>
        <translation>Số phép nhân-cộng mỗi token của các ma trận phân rã được (FLOPs ≈ 2 × MAC)</translation>
    </message>
    <message>
        <source>Mean of R@1 and R@5 both ways on the ranking set (the reward&apos;s)</source>
        <translation>Trung bình R@1 và R@5 hai chiều trên tập xếp hạng (dùng cho phần thưởng)</translation>
    </message>
    <message>
        <source>The same on the held-out report set, never seen by the agent</source>
        <translation>Cùng chỉ số trên tập báo cáo giữ riêng, tác tử không bao giờ thấy</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lượt chạy:</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Kế hoạch:</translation>
    </message>
    <message>
        <source>Kept rank per matrix</source>
        <translation>Hạng giữ lại của từng ma trận</translation>
    </message>
    <message>
        <source>Reward over episodes</source>
        <translation>Phần thưởng theo tập</translation>
    </message>
    <message>
        <source>Pareto: ranking metric vs size</source>
        <translation>Pareto: chỉ số xếp hạng theo kích thước</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>Trước / sau</translation>
    </message>
    <message>
        <source>the plan written to the checkpoint</source>
        <translation>kế hoạch được ghi vào checkpoint</translation>
    </message>
    <message>
        <source>a plan measured for comparison</source>
        <translation>một kế hoạch được đo để so sánh</translation>
    </message>
    <message>
        <source>No compression runs in this project yet. Compress a trained contrastive run from the command line:
vimoe compress --checkpoint &lt;project&gt; --budget 0.5 --agent ppo
(--agent reinforce, or a baseline: uniform, energy, asvd).</source>
        <translation>Dự án này chưa có lượt nén nào. Nén một lượt tương phản đã huấn luyện từ dòng lệnh:
vimoe compress --checkpoint &lt;project&gt; --budget 0.5 --agent ppo
(--agent reinforce, hoặc một đường cơ sở: uniform, energy, asvd).</translation>
    </message>
    <message>
        <source>budget %1 · agent %2</source>
        <translation>ngân sách %1 · tác tử %2</translation>
    </message>
    <message numerus="yes">
        <source> · %n episode(s)</source>
        <translation>
            <numerusform> · %n tập</numerusform>
        </translation>
    </message>
    <message>
        <source> · methods %1</source>
        <translation> · phương pháp %1</translation>
    </message>
    <message>
        <source> · source #%1 %2</source>
        <translation> · nguồn #%1 %2</translation>
    </message>
    <message>
        <source> · written: %1</source>
        <translation> · đã ghi: %1</translation>
    </message>
    <message>
        <source>%1 (written)</source>
        <translation>%1 (đã ghi)</translation>
    </message>
    <message>
        <source>the plan is written when the search ends</source>
        <translation>kế hoạch được ghi khi tìm kiếm kết thúc</translation>
    </message>
    <message>
        <source>no per-layer plan stored</source>
        <translation>không lưu kế hoạch theo lớp</translation>
    </message>
    <message>
        <source>No episodes stored yet.</source>
        <translation>Chưa lưu tập nào.</translation>
    </message>
    <message>
        <source>A baseline agent (%1): no RL episodes, so no reward curve.</source>
        <translation>Tác tử đường cơ sở (%1): không có tập RL, nên không có đường cong phần thưởng.</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>phần thưởng</translation>
    </message>
    <message>
        <source>value estimate</source>
        <translation>ước lượng giá trị</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>đường cơ sở</translation>
    </message>
    <message>
        <source>best so far</source>
        <translation>tốt nhất đến nay</translation>
    </message>
    <message numerus="yes">
        <source>%n episode(s); best reward %1</source>
        <translation>
            <numerusform>%n tập; phần thưởng tốt nhất %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 vs dense</source>
        <translation>%1 so với dày đặc</translation>
    </message>
    <message>
        <source>before: %1</source>
        <translation>trước: %1</translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation>Chưa mở kho lượt chạy nào.</translation>
    </message>
    <message>
        <source>Reading compression runs…</source>
        <translation>Đang đọc các lượt nén…</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ConfigForm</name>
    <message>
        <source>must be a whole number in [0, %1]</source>
        <translation>phải là số nguyên trong [0, %1]</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::CurvePlot</name>
    <message>
        <source>step</source>
        <translation>bước</translation>
    </message>
    <message>
        <source> (raw)</source>
        <translation> (thô)</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::CurvesPanel</name>
    <message>
        <source>Log x</source>
        <translation>Trục x log</translation>
    </message>
    <message>
        <source>Log y</source>
        <translation>Trục y log</translation>
    </message>
    <message>
        <source>Exponential moving average weight (as in TensorBoard); the raw values stay visible, faded. 0 shows the raw values only.</source>
        <translation>Trọng số trung bình trượt hàm mũ (như trong TensorBoard); các giá trị thô vẫn hiển thị, được làm mờ. 0 chỉ hiển thị giá trị thô.</translation>
    </message>
    <message>
        <source>Logarithmic step axis; steps &lt;= 0 are not drawn.</source>
        <translation>Trục bước theo thang logarit; các bước &lt;= 0 không được vẽ.</translation>
    </message>
    <message>
        <source>Logarithmic value axis; values &lt;= 0 are not drawn.</source>
        <translation>Trục giá trị theo thang logarit; các giá trị &lt;= 0 không được vẽ.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Export %1…</source>
        <translation>Xuất %1…</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Chỉ số:</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Làm mượt:</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>lượt chạy %1</translation>
    </message>
    <message>
        <source>step</source>
        <translation>bước</translation>
    </message>
    <message>
        <source>Select runs in the Runs table to plot their curves.
Ctrl-click a dense and an MoE run to compare them.</source>
        <translation>Chọn các lượt chạy trong bảng Lượt chạy để vẽ đường cong của chúng.
Giữ Ctrl và nhấp vào một lượt chạy dense và một lượt chạy MoE để so sánh.</translation>
    </message>
    <message>
        <source>The selected runs have not logged any metric yet.</source>
        <translation>Các lượt chạy đã chọn chưa ghi chỉ số nào.</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>Xuất đường cong</translation>
    </message>
    <message>
        <source>No runs yet — start a study from the Run menu, or Launch an experiment</source>
        <translation>Chưa có lượt chạy nào — hãy bắt đầu một nghiên cứu từ menu Chạy, hoặc chạy một thí nghiệm</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::DataBrowserPanel</name>
    <message>
        <source>%1 — %2 left</source>
        <translation>%1 — còn %2</translation>
    </message>
    <message>
        <source>No project open — File &gt; Open Project…</source>
        <translation>Chưa mở dự án nào — Tệp &gt; Mở dự án…</translation>
    </message>
    <message>
        <source>Search captions, questions, answers (with or without diacritics)</source>
        <translation>Tìm trong chú thích ảnh, câu hỏi, câu trả lời (có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Bộ dữ liệu:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Double-click a problem to show its sample</source>
        <translation>Nhấp đúp vào một vấn đề để xem mẫu tương ứng</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Thống kê</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>Generate the synthetic dataset</source>
        <translation>Sinh bộ dữ liệu tổng hợp</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>That record was not loaded, so there is no sample to show.</source>
        <translation>Bản ghi đó chưa được nạp nên không có mẫu để hiển thị.</translation>
    </message>
    <message>
        <source>All project datasets</source>
        <translation>Tất cả bộ dữ liệu của dự án</translation>
    </message>
    <message>
        <source>This project lists no datasets (datasets/*.json).</source>
        <translation>Dự án này không khai báo bộ dữ liệu nào (datasets/*.json).</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Đang nạp %1…</translation>
    </message>
    <message>
        <source>The synthetic dataset has not been generated yet.

%1</source>
        <translation>Bộ dữ liệu tổng hợp chưa được sinh.

%1</translation>
    </message>
    <message>
        <source>No dataset could be read:
%1</source>
        <translation>Không đọc được bộ dữ liệu nào:
%1</translation>
    </message>
    <message>
        <source>All splits</source>
        <translation>Tất cả các tập (split)</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>Tất cả các miền</translation>
    </message>
    <message>
        <source>All question types</source>
        <translation>Tất cả các loại câu hỏi</translation>
    </message>
    <message>
        <source>Loaded %1 images and %2 problems in %3 s</source>
        <translation>Đã nạp %1 ảnh và %2 vấn đề trong %3 s</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Vấn đề (%1)</translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>%1 / %2 ảnh</translation>
    </message>
    <message>
        <source>Generating the synthetic dataset into %1…</source>
        <translation>Đang sinh bộ dữ liệu tổng hợp vào %1…</translation>
    </message>
    <message>
        <source>Generation cancelled.</source>
        <translation>Đã hủy việc sinh dữ liệu.</translation>
    </message>
    <message>
        <source>Generating the dataset failed (exit code %1): see the log.</source>
        <translation>Sinh bộ dữ liệu thất bại (mã thoát %1): xem nhật ký.</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::DataStatsView</name>
    <message>
        <source>Caption length (syllables)</source>
        <translation>Độ dài chú thích ảnh (âm tiết)</translation>
    </message>
    <message>
        <source>Question types</source>
        <translation>Loại câu hỏi</translation>
    </message>
    <message>
        <source>Visual domains (images)</source>
        <translation>Miền hình ảnh (ảnh)</translation>
    </message>
    <message>
        <source>Most frequent answers</source>
        <translation>Câu trả lời thường gặp nhất</translation>
    </message>
    <message>
        <source>%1 images · %2 captions · %3 questions (%4 with placeholder answers) · vocabulary %5 syllables · %6 distinct answers</source>
        <translation>%1 ảnh · %2 chú thích ảnh · %3 câu hỏi (%4 có câu trả lời giữ chỗ) · từ vựng %5 âm tiết · %6 câu trả lời khác nhau</translation>
    </message>
    <message>
        <source>captions</source>
        <translation>chú thích ảnh</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>câu hỏi</translation>
    </message>
    <message>
        <source>images</source>
        <translation>ảnh</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::DemoPanel</name>
    <message>
        <source>Captioning</source>
        <translation>Tạo chú thích ảnh</translation>
    </message>
    <message>
        <source>Answering</source>
        <translation>Trả lời câu hỏi</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Tìm kiếm ảnh</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Chọn ảnh…</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Tạo chú thích</translation>
    </message>
    <message>
        <source>Caption (Vietnamese)</source>
        <translation>Chú thích ảnh (tiếng Việt)</translation>
    </message>
    <message>
        <source>Hỏi về ảnh, ví dụ: Hình trong ảnh màu gì?</source>
        <translation>Hỏi về ảnh, ví dụ: Hình trong ảnh màu gì?</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Hỏi</translation>
    </message>
    <message>
        <source>Visual question answering</source>
        <translation>Hỏi đáp về hình ảnh (VQA)</translation>
    </message>
    <message>
        <source>Tìm ảnh, ví dụ: hình tròn màu đỏ</source>
        <translation>Tìm ảnh, ví dụ: hình tròn màu đỏ</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Text-to-image retrieval</source>
        <translation>Truy xuất ảnh từ văn bản</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Models: the newest finished caption, VQA and contrastive runs of this project.</source>
        <translation>Mô hình: các lượt chạy chú thích ảnh, VQA và contrastive đã hoàn tất mới nhất của dự án này.</translation>
    </message>
    <message>
        <source>No project open — File &gt; Open Project…</source>
        <translation>Chưa mở dự án nào — Tệp &gt; Mở dự án…</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>Chọn một ảnh</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 thất bại: %2</translation>
    </message>
    <message>
        <source>%1 took %2 s (model load included).</source>
        <translation>%1 mất %2 s (tính cả thời gian nạp mô hình).</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>(không có chú thích)</translation>
    </message>
    <message>
        <source>
(double-click: use as the demo image)</source>
        <translation>
(nhấp đúp: dùng làm ảnh demo)</translation>
    </message>
    <message>
        <source>The query&apos;s routing through the text tower appears here (MoE models).</source>
        <translation>Định tuyến của truy vấn qua tháp văn bản sẽ hiển thị ở đây (mô hình MoE).</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::DemoRoutingView</name>
    <message>
        <source>Routing, layer:</source>
        <translation>Định tuyến, tầng:</translation>
    </message>
    <message>
        <source>The routing of the last input appears here (MoE models).</source>
        <translation>Định tuyến của đầu vào gần nhất sẽ hiển thị ở đây (mô hình MoE).</translation>
    </message>
    <message>
        <source>A dense model: every token goes through the one FFN, there is no routing to show.</source>
        <translation>Mô hình dense (đặc): mọi token đều đi qua cùng một FFN, không có định tuyến để hiển thị.</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ExperimentEditor</name>
    <message>
        <source>Open…</source>
        <translation>Mở…</translation>
    </message>
    <message>
        <source>Open an experiment config (JSON).</source>
        <translation>Mở một cấu hình thí nghiệm (JSON).</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save to the open file.</source>
        <translation>Lưu vào tệp đang mở.</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Lưu thành…</translation>
    </message>
    <message>
        <source>Save to a new file.</source>
        <translation>Lưu vào một tệp mới.</translation>
    </message>
    <message>
        <source>Launch run</source>
        <translation>Bắt đầu chạy</translation>
    </message>
    <message>
        <source>Double-click a problem to go to its field.</source>
        <translation>Nhấp đúp vào một vấn đề để đi tới trường tương ứng.</translation>
    </message>
    <message>
        <source>No problems: the config is ready to launch.</source>
        <translation>Không có vấn đề nào: cấu hình đã sẵn sàng để chạy.</translation>
    </message>
    <message>
        <source>A run is in progress: wait for it or cancel it (Run &gt; Cancel run).</source>
        <translation>Đang có một lượt chạy: hãy chờ nó xong hoặc hủy nó (Chạy &gt; Hủy lượt chạy).</translation>
    </message>
    <message>
        <source>Save the config and train it (vimoe train) into the project&apos;s store.</source>
        <translation>Lưu cấu hình và huấn luyện nó (vimoe train) vào kho của dự án.</translation>
    </message>
    <message>
        <source>Untitled experiment</source>
        <translation>Thí nghiệm chưa đặt tên</translation>
    </message>
    <message>
        <source>%1 (modified)</source>
        <translation>%1 (đã sửa)</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Chưa lưu.</translation>
    </message>
    <message>
        <source>Could not open %1; the editor still shows the previous config.
%2</source>
        <translation>Không mở được %1; trình soạn thảo vẫn hiển thị cấu hình trước đó.
%2</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Không lưu được %1: %2</translation>
    </message>
    <message>
        <source>The config has no file yet: use Save As.</source>
        <translation>Cấu hình chưa có tệp: hãy dùng Lưu thành.</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>Mở thí nghiệm</translation>
    </message>
    <message>
        <source>The config has unsaved changes. Save them first?</source>
        <translation>Cấu hình có thay đổi chưa lưu. Lưu lại trước không?</translation>
    </message>
    <message>
        <source>Open experiment config</source>
        <translation>Mở cấu hình thí nghiệm</translation>
    </message>
    <message>
        <source>Experiment configs (%1);;All files (*)</source>
        <translation>Cấu hình thí nghiệm (%1);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Save experiment config</source>
        <translation>Lưu cấu hình thí nghiệm</translation>
    </message>
    <message>
        <source>Experiment configs (%1)</source>
        <translation>Cấu hình thí nghiệm (%1)</translation>
    </message>
    <message>
        <source>Choose a folder for %1</source>
        <translation>Chọn thư mục cho %1</translation>
    </message>
    <message>
        <source>1 problem to fix before launching:</source>
        <translation>1 vấn đề cần sửa trước khi chạy:</translation>
    </message>
    <message>
        <source>%1 problems to fix before launching:</source>
        <translation>%1 vấn đề cần sửa trước khi chạy:</translation>
    </message>
    <message>
        <source>Fix the problem listed below first.</source>
        <translation>Hãy sửa vấn đề được liệt kê bên dưới trước.</translation>
    </message>
    <message>
        <source>Fix the %1 problems listed below first.</source>
        <translation>Hãy sửa %1 vấn đề được liệt kê bên dưới trước.</translation>
    </message>
    <message>
        <source>Saved with 1 problem: vimoe train refuses the file until it is fixed.</source>
        <translation>Đã lưu kèm 1 vấn đề: vimoe train sẽ từ chối tệp này cho đến khi vấn đề được sửa.</translation>
    </message>
    <message>
        <source>Saved with %1 problems: vimoe train refuses the file until they are fixed.</source>
        <translation>Đã lưu kèm %1 vấn đề: vimoe train sẽ từ chối tệp này cho đến khi các vấn đề được sửa.</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ExperimentSections</name>
    <message>
        <source>Config key: %1</source>
        <translation>Khóa cấu hình: %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Duyệt…</translation>
    </message>
    <message>
        <source>Choose a folder; inside the project it is stored relative to the project.</source>
        <translation>Chọn một thư mục; nếu nằm trong dự án, đường dẫn được lưu tương đối theo dự án.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lượt chạy</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>The run&apos;s name in the store.</source>
        <translation>Tên của lượt chạy trong kho.</translation>
    </message>
    <message>
        <source>contrastive — image-text retrieval</source>
        <translation>contrastive — truy xuất ảnh-văn bản</translation>
    </message>
    <message>
        <source>caption — Vietnamese captioning</source>
        <translation>caption — tạo chú thích ảnh tiếng Việt</translation>
    </message>
    <message>
        <source>vqa — visual question answering</source>
        <translation>vqa — hỏi đáp về hình ảnh</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>What the run trains.</source>
        <translation>Tác vụ mà lượt chạy huấn luyện.</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> bước</translation>
    </message>
    <message>
        <source>Training steps</source>
        <translation>Số bước huấn luyện</translation>
    </message>
    <message>
        <source>Optimiser steps of the whole run.</source>
        <translation>Số bước tối ưu của toàn bộ lượt chạy.</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Seeds the initialisation, data order and augmentation.</source>
        <translation>Seed cho khởi tạo, thứ tự dữ liệu và tăng cường dữ liệu.</translation>
    </message>
    <message>
        <source>Log scalars</source>
        <translation>Ghi scalar</translation>
    </message>
    <message>
        <source>Loss, learning rate and throughput.</source>
        <translation>Hàm mất mát, tốc độ học và thông lượng.</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Validation metrics (recall, BLEU/CIDEr, accuracy).</source>
        <translation>Chỉ số kiểm định (recall, BLEU/CIDEr, độ chính xác).</translation>
    </message>
    <message>
        <source>Expert load</source>
        <translation>Tải chuyên gia</translation>
    </message>
    <message>
        <source>Tokens per expert and layer.</source>
        <translation>Số token theo từng chuyên gia và tầng.</translation>
    </message>
    <message>
        <source>Routing snapshot</source>
        <translation>Bản chụp định tuyến</translation>
    </message>
    <message>
        <source>Routing of the fixed probe set.</source>
        <translation>Định tuyến của tập thăm dò cố định.</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Model, optimiser and RNG state.</source>
        <translation>Trạng thái mô hình, bộ tối ưu và RNG.</translation>
    </message>
    <message>
        <source>every </source>
        <translation>mỗi </translation>
    </message>
    <message>
        <source> images</source>
        <translation> ảnh</translation>
    </message>
    <message>
        <source>Probe images</source>
        <translation>Ảnh thăm dò</translation>
    </message>
    <message>
        <source>Fixed validation images whose routing is recorded.</source>
        <translation>Các ảnh kiểm định cố định được ghi lại định tuyến.</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>tất cả các lõi</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>Luồng CPU</translation>
    </message>
    <message>
        <source>Intra-op threads of the training process; 0 uses every core.</source>
        <translation>Số luồng intra-op của tiến trình huấn luyện; 0 dùng mọi lõi.</translation>
    </message>
    <message>
        <source>auto — CUDA when available</source>
        <translation>auto — dùng CUDA nếu có</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Where the training process runs the model.</source>
        <translation>Nơi tiến trình huấn luyện chạy mô hình.</translation>
    </message>
    <message>
        <source>Checkpoints folder</source>
        <translation>Thư mục checkpoint</translation>
    </message>
    <message>
        <source>Relative to the project; each run gets a subfolder.</source>
        <translation>Tương đối theo dự án; mỗi lượt chạy có một thư mục con.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <source>Dataset folder</source>
        <translation>Thư mục bộ dữ liệu</translation>
    </message>
    <message>
        <source>Relative to the project.</source>
        <translation>Tương đối theo dự án.</translation>
    </message>
    <message>
        <source>coco_captions — UIT-ViIC / KTVIC layout</source>
        <translation>coco_captions — cấu trúc UIT-ViIC / KTVIC</translation>
    </message>
    <message>
        <source>synthetic_captions — generated when missing</source>
        <translation>synthetic_captions — tự sinh khi chưa có</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>How the dataset folder is read.</source>
        <translation>Cách đọc thư mục bộ dữ liệu.</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Kích thước ảnh</translation>
    </message>
    <message>
        <source>Square input size; a multiple of the patch size.</source>
        <translation>Kích thước đầu vào hình vuông; là bội số của kích thước patch.</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> token</translation>
    </message>
    <message>
        <source>Max text length</source>
        <translation>Độ dài văn bản tối đa</translation>
    </message>
    <message>
        <source>Captions and questions are cut to this many pieces.</source>
        <translation>Chú thích ảnh và câu hỏi được cắt ngắn còn tối đa chừng này piece.</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>SentencePiece model, relative to the project; trained when missing.</source>
        <translation>Mô hình SentencePiece, tương đối theo dự án; được huấn luyện nếu chưa có.</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Từ vựng</translation>
    </message>
    <message>
        <source>SentencePiece pieces.</source>
        <translation>Số piece của SentencePiece.</translation>
    </message>
    <message>
        <source>Synthetic train</source>
        <translation>Ảnh tổng hợp (huấn luyện)</translation>
    </message>
    <message>
        <source>Images generated for training.</source>
        <translation>Số ảnh được sinh để huấn luyện.</translation>
    </message>
    <message>
        <source>Synthetic val</source>
        <translation>Ảnh tổng hợp (kiểm định)</translation>
    </message>
    <message>
        <source>Images generated for validation.</source>
        <translation>Số ảnh được sinh để kiểm định.</translation>
    </message>
    <message>
        <source>Captions per image</source>
        <translation>Chú thích mỗi ảnh</translation>
    </message>
    <message>
        <source>Vietnamese captions per synthetic image.</source>
        <translation>Số chú thích tiếng Việt cho mỗi ảnh tổng hợp.</translation>
    </message>
    <message>
        <source>Questions per image</source>
        <translation>Câu hỏi mỗi ảnh</translation>
    </message>
    <message>
        <source>Question-answer pairs per image.</source>
        <translation>Số cặp câu hỏi-câu trả lời cho mỗi ảnh.</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Miền</translation>
    </message>
    <message>
        <source>Comma-separated: shapes, digits_clocks, text_signs, textures (or all).</source>
        <translation>Phân tách bằng dấu phẩy: shapes, digits_clocks, text_signs, textures (hoặc all).</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Mô hình</translation>
    </message>
    <message>
        <source>custom — the shapes below</source>
        <translation>custom — các kích thước bên dưới</translation>
    </message>
    <message>
        <source>Size preset</source>
        <translation>Cỡ định sẵn</translation>
    </message>
    <message>
        <source>Patch size</source>
        <translation>Kích thước patch</translation>
    </message>
    <message>
        <source>ViT patch edge; divides the image size.</source>
        <translation>Cạnh của patch ViT; kích thước ảnh phải chia hết cho giá trị này.</translation>
    </message>
    <message>
        <source>Embedding size</source>
        <translation>Kích thước embedding</translation>
    </message>
    <message>
        <source>The shared image-text space.</source>
        <translation>Không gian chung của ảnh và văn bản.</translation>
    </message>
    <message>
        <source>One tower for both modalities (LIMoE)</source>
        <translation>Một tháp cho cả hai phương thức (LIMoE)</translation>
    </message>
    <message>
        <source>Shared tower</source>
        <translation>Tháp dùng chung</translation>
    </message>
    <message>
        <source>The image tower&apos;s blocks also run the text; both columns must match.</source>
        <translation>Các khối của tháp ảnh cũng xử lý văn bản; hai cột phải khớp nhau.</translation>
    </message>
    <message>
        <source>from scratch</source>
        <translation>từ đầu</translation>
    </message>
    <message>
        <source>Initialise from</source>
        <translation>Khởi tạo từ</translation>
    </message>
    <message>
        <source>Checkpoint folder. A dense checkpoint into an MoE config is sparse-upcycled (every expert a copy of the FFN).</source>
        <translation>Thư mục checkpoint. Checkpoint dense nạp vào cấu hình MoE sẽ được sparse upcycling (mỗi chuyên gia là một bản sao của FFN).</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Độ rộng</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Độ sâu</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Số head</translation>
    </message>
    <message>
        <source>MLP ratio</source>
        <translation>Tỷ lệ MLP</translation>
    </message>
    <message>
        <source>&lt;b&gt;Image tower&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tháp ảnh&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Text tower&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tháp văn bản&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Mixture of experts</source>
        <translation>Hỗn hợp chuyên gia (MoE)</translation>
    </message>
    <message>
        <source>Sparse MoE layers (off: the dense baseline)</source>
        <translation>Các tầng MoE thưa (tắt: mô hình cơ sở dense)</translation>
    </message>
    <message>
        <source>MoE</source>
        <translation>MoE</translation>
    </message>
    <message>
        <source>Replace the FFN of the chosen blocks by routed experts.</source>
        <translation>Thay FFN của các khối đã chọn bằng các chuyên gia được định tuyến.</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>Số chuyên gia</translation>
    </message>
    <message>
        <source>Routed experts per MoE layer.</source>
        <translation>Số chuyên gia được định tuyến trong mỗi tầng MoE.</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Experts each token is sent to; at most the number of experts.</source>
        <translation>Số chuyên gia mà mỗi token được gửi tới; tối đa bằng số chuyên gia.</translation>
    </message>
    <message>
        <source>top_k — token choice (Switch, V-MoE)</source>
        <translation>top_k — token chọn chuyên gia (Switch, V-MoE)</translation>
    </message>
    <message>
        <source>noisy_top_k — with gate noise (Shazeer)</source>
        <translation>noisy_top_k — có nhiễu gate (Shazeer)</translation>
    </message>
    <message>
        <source>batch_priority — BPR (V-MoE)</source>
        <translation>batch_priority — BPR (V-MoE)</translation>
    </message>
    <message>
        <source>expert_choice — experts pick tokens</source>
        <translation>expert_choice — chuyên gia chọn token</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Bộ định tuyến</translation>
    </message>
    <message>
        <source>How tokens are assigned to experts.</source>
        <translation>Cách phân token cho các chuyên gia.</translation>
    </message>
    <message>
        <source>auto — renormalise when top-k &gt; 1</source>
        <translation>auto — chuẩn hóa lại khi top-k &gt; 1</translation>
    </message>
    <message>
        <source>Gate normalisation</source>
        <translation>Chuẩn hóa gate</translation>
    </message>
    <message>
        <source>How the chosen experts&apos; gates are weighted.</source>
        <translation>Cách đặt trọng số gate cho các chuyên gia được chọn.</translation>
    </message>
    <message>
        <source>dropless</source>
        <translation>không loại bỏ</translation>
    </message>
    <message>
        <source>Capacity (train)</source>
        <translation>Dung lượng (huấn luyện)</translation>
    </message>
    <message>
        <source>Capacity (eval)</source>
        <translation>Dung lượng (đánh giá)</translation>
    </message>
    <message>
        <source>Expert buffer size as a multiple of an even share of the tokens; 0 drops nothing.</source>
        <translation>Kích thước bộ đệm của chuyên gia, tính theo bội số của phần token chia đều; 0 thì không loại bỏ token nào.</translation>
    </message>
    <message>
        <source>both towers</source>
        <translation>cả hai tháp</translation>
    </message>
    <message>
        <source>image tower</source>
        <translation>tháp ảnh</translation>
    </message>
    <message>
        <source>text tower</source>
        <translation>tháp văn bản</translation>
    </message>
    <message>
        <source>MoE in</source>
        <translation>Đặt MoE ở</translation>
    </message>
    <message>
        <source>Which towers get MoE layers (the text side includes a caption decoder).</source>
        <translation>Những tháp nào có tầng MoE (phía văn bản bao gồm cả bộ giải mã chú thích ảnh).</translation>
    </message>
    <message>
        <source>every n-th block</source>
        <translation>cứ mỗi n khối</translation>
    </message>
    <message>
        <source>last n blocks</source>
        <translation>n khối cuối</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Which blocks of a tower are MoE.</source>
        <translation>Những khối nào của một tháp là MoE.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>every_nth: blocks n-1, 2n-1, ...; last_n: the last n blocks.</source>
        <translation>every_nth: các khối n-1, 2n-1, ...; last_n: n khối cuối cùng.</translation>
    </message>
    <message>
        <source>Router init std</source>
        <translation>Độ lệch chuẩn khởi tạo bộ định tuyến</translation>
    </message>
    <message>
        <source>Standard deviation of the router weights at start.</source>
        <translation>Độ lệch chuẩn của trọng số bộ định tuyến lúc khởi tạo.</translation>
    </message>
    <message>
        <source>auto (1/E)</source>
        <translation>tự động (1/E)</translation>
    </message>
    <message>
        <source>Gate noise std</source>
        <translation>Độ lệch chuẩn nhiễu gate</translation>
    </message>
    <message>
        <source>noisy_top_k only; 0 uses 1 / number of experts (V-MoE).</source>
        <translation>Chỉ dùng cho noisy_top_k; 0 thì dùng 1 / số chuyên gia (V-MoE).</translation>
    </message>
    <message>
        <source>Always-on dense expert</source>
        <translation>Chuyên gia dense luôn bật</translation>
    </message>
    <message>
        <source>Shared expert</source>
        <translation>Chuyên gia dùng chung</translation>
    </message>
    <message>
        <source>A dense FFN beside the routed experts (DeepSeekMoE).</source>
        <translation>Một FFN dense đặt song song với các chuyên gia được định tuyến (DeepSeekMoE).</translation>
    </message>
    <message>
        <source>off</source>
        <translation>tắt</translation>
    </message>
    <message>
        <source>Bias balancing rate</source>
        <translation>Tốc độ cân bằng bằng bias</translation>
    </message>
    <message>
        <source>Aux-loss-free balancing step (DeepSeek-V3); token-choice routers only.</source>
        <translation>Bước cân bằng không cần loss phụ (DeepSeek-V3); chỉ cho bộ định tuyến kiểu token chọn chuyên gia.</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Hàm mất mát</translation>
    </message>
    <message>
        <source>clip — softmax InfoNCE</source>
        <translation>clip — InfoNCE softmax</translation>
    </message>
    <message>
        <source>siglip — pairwise sigmoid</source>
        <translation>siglip — sigmoid theo từng cặp</translation>
    </message>
    <message>
        <source>Contrastive loss</source>
        <translation>Hàm mất mát tương phản</translation>
    </message>
    <message>
        <source>Image-text objective of contrastive runs.</source>
        <translation>Mục tiêu ảnh-văn bản của các lượt chạy contrastive.</translation>
    </message>
    <message>
        <source>Load balance</source>
        <translation>Cân bằng tải</translation>
    </message>
    <message>
        <source>Switch load-balancing loss.</source>
        <translation>Hàm mất mát cân bằng tải của Switch.</translation>
    </message>
    <message>
        <source>Router z-loss</source>
        <translation>z-loss bộ định tuyến</translation>
    </message>
    <message>
        <source>Keeps router logits small (ST-MoE).</source>
        <translation>Giữ logit của bộ định tuyến ở mức nhỏ (ST-MoE).</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Độ quan trọng</translation>
    </message>
    <message>
        <source>Shazeer importance CV².</source>
        <translation>CV² độ quan trọng của Shazeer.</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Tải</translation>
    </message>
    <message>
        <source>Shazeer load CV²; noisy_top_k only.</source>
        <translation>CV² tải của Shazeer; chỉ dùng cho noisy_top_k.</translation>
    </message>
    <message>
        <source>Local entropy</source>
        <translation>Entropy cục bộ</translation>
    </message>
    <message>
        <source>LIMoE per-token entropy: confident routing.</source>
        <translation>Entropy theo từng token của LIMoE: định tuyến tự tin.</translation>
    </message>
    <message>
        <source>Global entropy</source>
        <translation>Entropy toàn cục</translation>
    </message>
    <message>
        <source>LIMoE global entropy hinge: use enough experts.</source>
        <translation>Hinge entropy toàn cục của LIMoE: dùng đủ số chuyên gia.</translation>
    </message>
    <message>
        <source>Weight of the term in the total loss; 0 = off.</source>
        <translation>Trọng số của số hạng này trong hàm mất mát tổng; 0 = tắt.</translation>
    </message>
    <message>
        <source> experts</source>
        <translation> chuyên gia</translation>
    </message>
    <message>
        <source>Global entropy floor</source>
        <translation>Ngưỡng dưới entropy toàn cục</translation>
    </message>
    <message>
        <source>The hinge is log(this) nats; at most the number of experts.</source>
        <translation>Hinge bằng log(giá trị này) nat; tối đa bằng số chuyên gia.</translation>
    </message>
    <message>
        <source>Optimiser and schedule</source>
        <translation>Bộ tối ưu và lịch tốc độ học</translation>
    </message>
    <message>
        <source> pairs</source>
        <translation> cặp</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Kích thước lô</translation>
    </message>
    <message>
        <source>Samples per step (image-text pairs, or questions).</source>
        <translation>Số mẫu mỗi bước (cặp ảnh-văn bản, hoặc câu hỏi).</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tốc độ học</translation>
    </message>
    <message>
        <source>Peak AdamW learning rate, after warmup.</source>
        <translation>Tốc độ học cực đại của AdamW, sau warmup.</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Suy giảm trọng số</translation>
    </message>
    <message>
        <source>Decoupled (AdamW) weight decay.</source>
        <translation>Suy giảm trọng số tách rời (AdamW).</translation>
    </message>
    <message>
        <source>β₁</source>
        <translation>β₁</translation>
    </message>
    <message>
        <source>AdamW first-moment decay, in [0, 1).</source>
        <translation>Hệ số suy giảm moment bậc một của AdamW, trong [0, 1).</translation>
    </message>
    <message>
        <source>β₂</source>
        <translation>β₂</translation>
    </message>
    <message>
        <source>AdamW second-moment decay, in [0, 1).</source>
        <translation>Hệ số suy giảm moment bậc hai của AdamW, trong [0, 1).</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>AdamW denominator term.</source>
        <translation>Số hạng ở mẫu số của AdamW.</translation>
    </message>
    <message>
        <source>Warmup</source>
        <translation>Warmup</translation>
    </message>
    <message>
        <source>Linear warmup; fewer than the run&apos;s steps.</source>
        <translation>Warmup tuyến tính; ít hơn số bước của lượt chạy.</translation>
    </message>
    <message>
        <source>cosine decay</source>
        <translation>suy giảm cosine</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Lịch tốc độ học</translation>
    </message>
    <message>
        <source>Learning rate after warmup.</source>
        <translation>Tốc độ học sau warmup.</translation>
    </message>
    <message>
        <source>Final LR ratio</source>
        <translation>Tỷ lệ LR cuối</translation>
    </message>
    <message>
        <source>Cosine floor as a fraction of the peak learning rate.</source>
        <translation>Mức sàn của cosine, tính theo tỷ lệ của tốc độ học cực đại.</translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation>Cắt gradient</translation>
    </message>
    <message>
        <source>Global gradient-norm limit; 0 = off.</source>
        <translation>Giới hạn chuẩn gradient toàn cục; 0 = tắt.</translation>
    </message>
    <message>
        <source>Task (caption, VQA)</source>
        <translation>Tác vụ (chú thích ảnh, VQA)</translation>
    </message>
    <message>
        <source>Encoder from</source>
        <translation>Bộ mã hóa từ</translation>
    </message>
    <message>
        <source>Contrastive checkpoint folder whose image tower starts the encoder; a study may write @variant.</source>
        <translation>Thư mục checkpoint contrastive có tháp ảnh dùng để khởi tạo bộ mã hóa; một nghiên cứu có thể ghi @variant.</translation>
    </message>
    <message>
        <source>Train only the decoder and heads</source>
        <translation>Chỉ huấn luyện bộ giải mã và các head</translation>
    </message>
    <message>
        <source>Freeze encoder</source>
        <translation>Đóng băng bộ mã hóa</translation>
    </message>
    <message>
        <source>Keep the image tower&apos;s weights fixed.</source>
        <translation>Giữ cố định trọng số của tháp ảnh.</translation>
    </message>
    <message>
        <source>classify — over training answers (ViVQA)</source>
        <translation>classify — phân loại trên các câu trả lời huấn luyện (ViVQA)</translation>
    </message>
    <message>
        <source>generate — decode the answer (OpenViVQA)</source>
        <translation>generate — giải mã câu trả lời (OpenViVQA)</translation>
    </message>
    <message>
        <source>VQA head</source>
        <translation>Head VQA</translation>
    </message>
    <message>
        <source>How answers are produced.</source>
        <translation>Cách tạo ra câu trả lời.</translation>
    </message>
    <message>
        <source> answers</source>
        <translation> câu trả lời</translation>
    </message>
    <message>
        <source>Answer vocabulary</source>
        <translation>Từ vựng câu trả lời</translation>
    </message>
    <message>
        <source>Most frequent training answers the classifier knows.</source>
        <translation>Số câu trả lời thường gặp nhất trong dữ liệu huấn luyện mà bộ phân loại biết.</translation>
    </message>
    <message>
        <source>1 (greedy)</source>
        <translation>1 (tham lam)</translation>
    </message>
    <message>
        <source>Beam width</source>
        <translation>Độ rộng beam</translation>
    </message>
    <message>
        <source>Beam search width when decoding; 1 is greedy.</source>
        <translation>Độ rộng beam search khi giải mã; 1 là giải mã tham lam.</translation>
    </message>
    <message>
        <source>Length penalty</source>
        <translation>Phạt độ dài</translation>
    </message>
    <message>
        <source>GNMT α: score / ((5 + length) / 6)^α.</source>
        <translation>α của GNMT: điểm / ((5 + độ dài) / 6)^α.</translation>
    </message>
    <message>
        <source>as max text length</source>
        <translation>bằng độ dài văn bản tối đa</translation>
    </message>
    <message>
        <source>Max generated</source>
        <translation>Sinh tối đa</translation>
    </message>
    <message>
        <source>Pieces generated at most; 0 = the data&apos;s max text length.</source>
        <translation>Số piece sinh ra tối đa; 0 = độ dài văn bản tối đa của dữ liệu.</translation>
    </message>
    <message>
        <source> samples</source>
        <translation> mẫu</translation>
    </message>
    <message>
        <source>Eval samples</source>
        <translation>Mẫu đánh giá</translation>
    </message>
    <message>
        <source>Validation images or questions decoded at each evaluation.</source>
        <translation>Số ảnh hoặc câu hỏi kiểm định được giải mã ở mỗi lần đánh giá.</translation>
    </message>
    <message>
        <source>syllables</source>
        <translation>âm tiết</translation>
    </message>
    <message>
        <source>segmented words</source>
        <translation>từ đã tách</translation>
    </message>
    <message>
        <source>Metric units</source>
        <translation>Đơn vị tính chỉ số</translation>
    </message>
    <message>
        <source>What BLEU, ROUGE-L and CIDEr-D count as tokens.</source>
        <translation>Đơn vị mà BLEU, ROUGE-L và CIDEr-D coi là token.</translation>
    </message>
    <message>
        <source>%1 of the image tower&apos;s transformer blocks.
Config key: %2</source>
        <translation>%1 của các khối transformer trong tháp ảnh.
Khóa cấu hình: %2</translation>
    </message>
    <message>
        <source>%1 of the text tower&apos;s transformer blocks.
Config key: %2</source>
        <translation>%1 của các khối transformer trong tháp văn bản.
Khóa cấu hình: %2</translation>
    </message>
    <message>
        <source>bf16 — CUDA or CPU</source>
        <translation>bf16 — CUDA hoặc CPU</translation>
    </message>
    <message>
        <source>fp16 — CUDA only</source>
        <translation>fp16 — chỉ CUDA</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Độ chính xác số</translation>
    </message>
    <message>
        <source>Autocast of the forward pass; fp16 scales the loss.</source>
        <translation>Tự động ép kiểu khi lan truyền xuôi; fp16 co giãn hàm mất mát.</translation>
    </message>
    <message>
        <source>Random crop</source>
        <translation>Cắt ngẫu nhiên</translation>
    </message>
    <message>
        <source>Training images are cut to at least this fraction of their area, then resized back; 1 = off.</source>
        <translation>Ảnh huấn luyện được cắt còn ít nhất tỉ lệ diện tích này rồi phóng lại kích thước cũ; 1 = tắt.</translation>
    </message>
    <message>
        <source>Mirror half of the training images</source>
        <translation>Lật gương một nửa số ảnh huấn luyện</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Lật ảnh</translation>
    </message>
    <message>
        <source>Never images of text or clocks, nor those whose caption or question says “trái” / “phải”.</source>
        <translation>Không bao giờ lật ảnh có chữ hoặc đồng hồ, cũng như ảnh mà chú thích hay câu hỏi nói “trái” / “phải”.</translation>
    </message>
    <message>
        <source>vit-s16 — ViT-S/16, 224 px</source>
        <translation>vit-s16 — ViT-S/16, 224 px</translation>
    </message>
    <message>
        <source>vit-b16 — ViT-B/16, 224 px</source>
        <translation>vit-b16 — ViT-B/16, 224 px</translation>
    </message>
    <message>
        <source>Choosing a preset fills in both towers and the embedding size (vit-*: also patch, image size and text length).</source>
        <translation>Chọn một cỡ định sẵn sẽ điền sẵn cả hai tháp và kích thước embedding (vit-*: cả patch, kích thước ảnh và độ dài văn bản).</translation>
    </message>
    <message>
        <source> micro-batches</source>
        <translation> lô con</translation>
    </message>
    <message>
        <source>Accumulate</source>
        <translation>Tích lũy gradient</translation>
    </message>
    <message>
        <source>Micro-batches per optimiser step; batch size x this = effective batch.</source>
        <translation>Số lô con mỗi bước tối ưu; kích thước lô x số này = lô hiệu dụng.</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ExpertDetailViews</name>
    <message>
        <source>expert</source>
        <translation>chuyên gia</translation>
    </message>
    <message>
        <source>share of the layer&apos;s routed tokens</source>
        <translation>tỷ lệ token được định tuyến của tầng</translation>
    </message>
    <message>
        <source>step</source>
        <translation>bước</translation>
    </message>
    <message>
        <source>dropped share (over capacity / routed)</source>
        <translation>tỷ lệ bị loại (vượt dung lượng / được định tuyến)</translation>
    </message>
    <message>
        <source>Router entropy (per token, logged by the trainer)</source>
        <translation>Entropy bộ định tuyến (theo token, do trình huấn luyện ghi)</translation>
    </message>
    <message>
        <source>Load entropy (of the experts&apos; shares)</source>
        <translation>Entropy tải (của tỷ lệ các chuyên gia)</translation>
    </message>
    <message>
        <source>share of the modality&apos;s tokens</source>
        <translation>tỷ lệ token của phương thức</translation>
    </message>
    <message>
        <source>share of the class&apos;s tokens</source>
        <translation>tỷ lệ token của lớp</translation>
    </message>
    <message>
        <source>Entropy:</source>
        <translation>Entropy:</translation>
    </message>
    <message>
        <source>Layers × experts</source>
        <translation>Tầng × chuyên gia</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Bị loại</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>Entropy</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Phương thức</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>No expert-load snapshots logged yet for this run.</source>
        <translation>Lượt chạy này chưa ghi bản chụp tải chuyên gia nào.</translation>
    </message>
    <message>
        <source>%1 E%2</source>
        <translation>%1 E%2</translation>
    </message>
    <message>
        <source>%1 E%2 (%3)</source>
        <translation>%1 E%2 (%3)</translation>
    </message>
    <message>
        <source>step %1 · fair share %2 · %3 dead (%4 share &amp;lt; 1% of fair): %5 · %6 overloaded (outlined, share &amp;gt; 2× fair): %7</source>
        <translation>bước %1 · phần chia đều %2 · %3 chết (%4 tỷ lệ &amp;lt; 1% phần chia đều): %5 · %6 quá tải (có viền, tỷ lệ &amp;gt; 2× phần chia đều): %7</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>router entropy / log E</source>
        <translation>entropy bộ định tuyến / log E</translation>
    </message>
    <message>
        <source>Mean entropy of each token&apos;s router probabilities / log E (moe/&amp;lt;layer&amp;gt;/router_entropy): 0 = every token sure of one expert, 1 = uniform.</source>
        <translation>Entropy trung bình của xác suất định tuyến của mỗi token / log E (moe/&amp;lt;layer&amp;gt;/router_entropy): 0 = mọi token chắc chắn chọn một chuyên gia, 1 = phân bố đều.</translation>
    </message>
    <message>
        <source>load entropy / log E</source>
        <translation>entropy tải / log E</translation>
    </message>
    <message>
        <source>Entropy of the experts&apos; shares of each layer / log E: 1 = every expert equally used.</source>
        <translation>Entropy của tỷ lệ các chuyên gia trong mỗi tầng / log E: 1 = mọi chuyên gia được dùng như nhau.</translation>
    </message>
    <message>
        <source>This run logged no router entropy; shown is the entropy of the experts&apos; shares / log E: 1 = every expert equally used, 0 = one expert takes all.</source>
        <translation>Lượt chạy này không ghi entropy bộ định tuyến; đang hiển thị entropy của tỷ lệ các chuyên gia / log E: 1 = mọi chuyên gia được dùng như nhau, 0 = một chuyên gia nhận tất cả.</translation>
    </message>
    <message>
        <source>No per-modality token counts at this step.</source>
        <translation>Không có số token theo phương thức ở bước này.</translation>
    </message>
    <message>
        <source>step %1 · each row: where that modality&apos;s tokens went in the layer (rows sum to 100%; 2× fair share saturates). A layer of a shared tower has two rows: an expert bright in one and dark in the other has specialised in that modality.</source>
        <translation>bước %1 · mỗi hàng: token của phương thức đó đi về đâu trong tầng (tổng mỗi hàng là 100%; màu bão hòa ở mức 2× phần chia đều). Một tầng của tháp dùng chung có hai hàng: chuyên gia sáng ở hàng này và tối ở hàng kia đã chuyên biệt hóa cho phương thức đó.</translation>
    </message>
    <message>
        <source>No expert × class rows for this run: they come with routing snapshots of a probe set whose images have classes (the synthetic domains; real datasets have none yet).</source>
        <translation>Lượt chạy này không có hàng chuyên gia × lớp: chúng đi kèm bản chụp định tuyến của một tập thăm dò có ảnh được gán lớp (các miền tổng hợp; bộ dữ liệu thật hiện chưa có).</translation>
    </message>
    <message>
        <source>No expert × class rows for this layer.</source>
        <translation>Tầng này không có hàng chuyên gia × lớp.</translation>
    </message>
    <message>
        <source>%1 · routing snapshot of the probe set at step %2 (nearest to step %3) · each row: where that class&apos;s tokens went (top-k choices that were kept)</source>
        <translation>%1 · bản chụp định tuyến của tập thăm dò ở bước %2 (gần bước %3 nhất) · mỗi hàng: token của lớp đó đi về đâu (các lựa chọn top-k được giữ lại)</translation>
    </message>
    <message>
        <source>Tokens over an expert&apos;s capacity / tokens routed, over all k choices and experts of each layer (moe.capacity_factor_train; 0 = dropless).</source>
        <translation>Số token vượt dung lượng của chuyên gia / số token được định tuyến, trên mọi lựa chọn k và mọi chuyên gia của mỗi tầng (moe.capacity_factor_train; 0 = không loại token).</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ExpertLoadPanel</name>
    <message>
        <source>The expert-load snapshot that the layer, modality and class tabs show</source>
        <translation>Bản chụp tải chuyên gia được hiển thị trong các thẻ tầng, phương thức và lớp</translation>
    </message>
    <message>
        <source>step</source>
        <translation>bước</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>chuyên gia</translation>
    </message>
    <message>
        <source>share of routed tokens</source>
        <translation>tỷ lệ token được định tuyến</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lượt chạy:</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Tầng:</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>Bước:</translation>
    </message>
    <message>
        <source>Over training</source>
        <translation>Theo quá trình huấn luyện</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>bước %1</translation>
    </message>
    <message>
        <source>None of the runs has MoE layers: expert load appears for MoE runs.</source>
        <translation>Không lượt chạy nào có tầng MoE: tải chuyên gia chỉ hiển thị cho lượt chạy MoE.</translation>
    </message>
    <message>
        <source>No expert-load snapshots logged yet for this run and layer.</source>
        <translation>Lượt chạy và tầng này chưa ghi bản chụp tải chuyên gia nào.</translation>
    </message>
    <message>
        <source>E%1 dead</source>
        <translation>E%1 chết</translation>
    </message>
    <message>
        <source>E%1</source>
        <translation>E%1</translation>
    </message>
    <message>
        <source>%1 experts · %2 snapshots · fair share %3%</source>
        <translation>%1 chuyên gia · %2 bản chụp · phần chia đều %3%</translation>
    </message>
    <message>
        <source> · no dead experts at the last snapshot (%1 = share &amp;lt; 1% of fair)</source>
        <translation> · không có chuyên gia chết ở bản chụp cuối (%1 = tỷ lệ &amp;lt; 1% phần chia đều)</translation>
    </message>
    <message>
        <source> · &lt;b&gt;dead at the last snapshot: %1&lt;/b&gt; (%2 = share &amp;lt; 1% of fair)</source>
        <translation> · &lt;b&gt;chết ở bản chụp cuối: %1&lt;/b&gt; (%2 = tỷ lệ &amp;lt; 1% phần chia đều)</translation>
    </message>
    <message>
        <source>No runs yet — start a study from the Run menu, or Launch an experiment</source>
        <translation>Chưa có lượt chạy nào — hãy bắt đầu một nghiên cứu từ menu Chạy, hoặc chạy một thí nghiệm</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::HeatmapPlot</name>
    <message>
        <source>step</source>
        <translation>bước</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ImageDropArea</name>
    <message>
        <source>Drop an image here
or choose one</source>
        <translation>Thả ảnh vào đây
hoặc chọn một ảnh</translation>
    </message>
    <message>
        <source>Cannot decode
%1</source>
        <translation>Không giải mã được
%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang nạp…</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::JobLauncher</name>
    <message>
        <source>A run is already in progress: cancel it or wait until it ends.</source>
        <translation>Đang có một lượt chạy: hãy hủy nó hoặc chờ nó kết thúc.</translation>
    </message>
    <message>
        <source>Cannot start %1: %2. Check that the vimoe CLI is built and executable.</source>
        <translation>Không khởi động được %1: %2. Hãy kiểm tra rằng CLI vimoe đã được build và chạy được.</translation>
    </message>
    <message>
        <source>Cannot cancel: %1</source>
        <translation>Không hủy được: %1</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::LogPanel</name>
    <message>
        <source>Output of runs started from the Run menu appears here.</source>
        <translation>Đầu ra của các lượt chạy khởi động từ menu Chạy sẽ hiển thị ở đây.</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::ParetoPlot</name>
    <message>
        <source>size ratio (kept / dense parameters)</source>
        <translation>tỉ lệ kích thước (tham số giữ lại / dày đặc)</translation>
    </message>
    <message>
        <source>ranking metric</source>
        <translation>chỉ số xếp hạng</translation>
    </message>
    <message>
        <source>episodes</source>
        <translation>các tập</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Biên Pareto</translation>
    </message>
    <message>
        <source>%1 (written)</source>
        <translation>%1 (đã ghi)</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::PatchOverlayView</name>
    <message>
        <source>patch row %1, column %2 (token %3)
%4</source>
        <translation>patch hàng %1, cột %2 (token %3)
%4</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::PixelImageView</name>
    <message>
        <source>no image</source>
        <translation>không có ảnh</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RankBarsChart</name>
    <message>
        <source>kept rank / full rank</source>
        <translation>hạng giữ lại / hạng đầy đủ</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RobustnessPanel</name>
    <message>
        <source>zero-shot</source>
        <translation>zero-shot</translation>
    </message>
    <message>
        <source>VQA</source>
        <translation>VQA</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>chú thích</translation>
    </message>
    <message>
        <source>local Lipschitz (l2 gradient norm), mean</source>
        <translation>Lipschitz cục bộ (chuẩn l2 của gradient), trung bình</translation>
    </message>
    <message>
        <source>local Lipschitz (l2 gradient norm), max</source>
        <translation>Lipschitz cục bộ (chuẩn l2 của gradient), lớn nhất</translation>
    </message>
    <message>
        <source>local Lipschitz (l1 gradient norm), mean</source>
        <translation>Lipschitz cục bộ (chuẩn l1 của gradient), trung bình</translation>
    </message>
    <message>
        <source>local Lipschitz (l1 gradient norm), max</source>
        <translation>Lipschitz cục bộ (chuẩn l1 của gradient), lớn nhất</translation>
    </message>
    <message>
        <source>FFN bound ||W1|| ||W2||, %1 expert %2</source>
        <translation>Cận FFN ||W1|| ||W2||, %1 chuyên gia %2</translation>
    </message>
    <message>
        <source>FFN bound ||W1|| ||W2||, %1</source>
        <translation>Cận FFN ||W1|| ||W2||, %1</translation>
    </message>
    <message>
        <source>Lemma 1, expert term (max L_i), %1</source>
        <translation>Bổ đề 1, số hạng chuyên gia (max L_i), %1</translation>
    </message>
    <message>
        <source>Lemma 1, router term (max), %1</source>
        <translation>Bổ đề 1, số hạng bộ định tuyến (max), %1</translation>
    </message>
    <message>
        <source>Attack run</source>
        <translation>Lượt tấn công</translation>
    </message>
    <message>
        <source>Attacked run</source>
        <translation>Lượt bị tấn công</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>Tấn công</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tác vụ</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Số mẫu</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Mô hình</translation>
    </message>
    <message>
        <source>Tick runs to draw them on the curves; select one for its routing change, examples and Lipschitz estimates.</source>
        <translation>Đánh dấu các lượt để vẽ lên đường cong; chọn một lượt để xem thay đổi định tuyến, ví dụ và ước lượng Lipschitz.</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Ước lượng</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Attack runs</source>
        <translation>Các lượt tấn công</translation>
    </message>
    <message>
        <source>Task metric vs eps (checked runs)</source>
        <translation>Chỉ số tác vụ theo eps (các lượt được đánh dấu)</translation>
    </message>
    <message>
        <source>Routing change (selected run)</source>
        <translation>Thay đổi định tuyến (lượt đang chọn)</translation>
    </message>
    <message>
        <source>Lipschitz estimates (selected run)</source>
        <translation>Ước lượng Lipschitz (lượt đang chọn)</translation>
    </message>
    <message>
        <source>Examples (selected run)</source>
        <translation>Ví dụ (lượt đang chọn)</translation>
    </message>
    <message>
        <source>No attack runs in this project yet. Attack a trained run from the command line:
vimoe attack --checkpoint &lt;project&gt; --attack pgd --eps 1/255,2/255,4/255,8/255
or run the dense-vs-MoE robustness study (also in the Run menu):
vimoe study studies/robust-dense-vs-moe.json</source>
        <translation>Dự án này chưa có lượt tấn công nào. Tấn công một lượt đã huấn luyện từ dòng lệnh:
vimoe attack --checkpoint &lt;project&gt; --attack pgd --eps 1/255,2/255,4/255,8/255
hoặc chạy nghiên cứu độ bền dày đặc so với MoE (cũng có trong menu Chạy):
vimoe study studies/robust-dense-vs-moe.json</translation>
    </message>
    <message numerus="yes">
        <source>MoE · %n layer(s)</source>
        <translation>
            <numerusform>MoE · %n lớp</numerusform>
        </translation>
    </message>
    <message>
        <source>dense</source>
        <translation>dày đặc</translation>
    </message>
    <message>
        <source>Tick a run to draw its curve.</source>
        <translation>Đánh dấu một lượt để vẽ đường cong của nó.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) on the curves.</source>
        <translation>
            <numerusform>%n lượt trên đường cong.</numerusform>
        </translation>
    </message>
    <message>
        <source>No Lipschitz estimates for this run: add --lipschitz to vimoe attack.</source>
        <translation>Lượt này không có ước lượng Lipschitz: thêm --lipschitz vào vimoe attack.</translation>
    </message>
    <message>
        <source>Local: the largest input-gradient norm found near each sample; FFN bound: the product of spectral norms; Lemma 1: the two terms of the smooth-MoE bound.</source>
        <translation>Cục bộ: chuẩn gradient theo đầu vào lớn nhất tìm được quanh mỗi mẫu; cận FFN: tích các chuẩn phổ; Bổ đề 1: hai số hạng của cận cho MoE trơn.</translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation>Chưa mở kho lượt chạy nào.</translation>
    </message>
    <message>
        <source>Reading attack runs…</source>
        <translation>Đang đọc các lượt tấn công…</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RoutingChangeView</name>
    <message>
        <source>Routing change per MoE layer</source>
        <translation>Thay đổi định tuyến theo lớp MoE</translation>
    </message>
    <message>
        <source>eps:</source>
        <translation>eps:</translation>
    </message>
    <message>
        <source>Dense model: no routing. Routing change (1 - IoU of the selected experts before and after the attack) is measured for MoE runs only.</source>
        <translation>Mô hình dày đặc: không có định tuyến. Thay đổi định tuyến (1 - IoU của các chuyên gia được chọn trước và sau tấn công) chỉ được đo cho các lượt MoE.</translation>
    </message>
    <message>
        <source>Choose an attack run.</source>
        <translation>Hãy chọn một lượt tấn công.</translation>
    </message>
    <message>
        <source>No eps of this sweep is stored yet.</source>
        <translation>Lượt quét này chưa lưu eps nào.</translation>
    </message>
    <message>
        <source>routing change (1 - IoU)</source>
        <translation>thay đổi định tuyến (1 - IoU)</translation>
    </message>
    <message>
        <source>mean over layers %1 · prediction change %2</source>
        <translation>trung bình các lớp %1 · thay đổi dự đoán %2</translation>
    </message>
    <message>
        <source>prediction change %1</source>
        <translation>thay đổi dự đoán %1</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RoutingInspectorPanel</name>
    <message>
        <source>Run:</source>
        <translation>Lượt chạy:</translation>
    </message>
    <message>
        <source>Probe sample:</source>
        <translation>Mẫu thăm dò:</translation>
    </message>
    <message>
        <source>Snapshot:</source>
        <translation>Bản chụp:</translation>
    </message>
    <message>
        <source>step %1 · %2 of %3</source>
        <translation>bước %1 · %2 / %3</translation>
    </message>
    <message>
        <source>None of the runs has MoE layers: routing snapshots appear for MoE runs.</source>
        <translation>Không lượt chạy nào có tầng MoE: bản chụp định tuyến chỉ hiển thị cho lượt chạy MoE.</translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation>Chưa mở kho lượt chạy nào.</translation>
    </message>
    <message>
        <source>Reading routing snapshots…</source>
        <translation>Đang đọc bản chụp định tuyến…</translation>
    </message>
    <message>
        <source> (every %1 steps for this run)</source>
        <translation> (mỗi %1 bước với lượt chạy này)</translation>
    </message>
    <message>
        <source>No routing snapshots for this run yet: routing snapshots appear every run.routing_every steps%1, for the probe set of run.probe_images validation images.</source>
        <translation>Lượt chạy này chưa có bản chụp định tuyến: bản chụp định tuyến được ghi sau mỗi run.routing_every bước%1, cho tập thăm dò gồm run.probe_images ảnh kiểm định.</translation>
    </message>
    <message>
        <source>No runs yet — start a study from the Run menu, or Launch an experiment</source>
        <translation>Chưa có lượt chạy nào — hãy bắt đầu một nghiên cứu từ menu Chạy, hoặc chạy một thí nghiệm</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RoutingSnapshotView</name>
    <message>
        <source>Overlay strength: a patch&apos;s opacity is its gate times this</source>
        <translation>Cường độ lớp phủ: độ đục của một patch bằng gate của nó nhân với giá trị này</translation>
    </message>
    <message>
        <source>Image patches</source>
        <translation>Patch ảnh</translation>
    </message>
    <message>
        <source>Caption tokens</source>
        <translation>Token chú thích ảnh</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Tầng:</translation>
    </message>
    <message>
        <source>Overlay:</source>
        <translation>Lớp phủ:</translation>
    </message>
    <message>
        <source>Token paths across MoE layers</source>
        <translation>Đường đi của token qua các tầng MoE</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>tầng %1</translation>
    </message>
    <message>
        <source>This run has no MoE layer in the image tower.</source>
        <translation>Lượt chạy này không có tầng MoE nào trong tháp ảnh.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Image file missing:&lt;/b&gt; %1 — the patch grid is drawn on grey.</source>
        <translation>&lt;b&gt;Thiếu tệp ảnh:&lt;/b&gt; %1 — lưới patch được vẽ trên nền xám.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Image file unreadable:&lt;/b&gt; %1 — the patch grid is drawn on grey.</source>
        <translation>&lt;b&gt;Không đọc được tệp ảnh:&lt;/b&gt; %1 — lưới patch được vẽ trên nền xám.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:gray&quot;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:gray&quot;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 × %1 patches · %2 with the first choice dropped</source>
        <translation>%1 × %1 patch · %2 patch bị loại lựa chọn đầu tiên</translation>
    </message>
    <message>
        <source>Class token: %1 &lt;b&gt;E%2&lt;/b&gt; · gate %3%4</source>
        <translation>Token CLS: %1 &lt;b&gt;E%2&lt;/b&gt; · gate %3%4</translation>
    </message>
    <message>
        <source> · &lt;b&gt;dropped&lt;/b&gt;</source>
        <translation> · &lt;b&gt;bị loại&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1&amp;nbsp;E%2&amp;nbsp;&lt;span style=&quot;color:gray&quot;&gt;%3&lt;/span&gt;</source>
        <translation>%1&amp;nbsp;E%2&amp;nbsp;&lt;span style=&quot;color:gray&quot;&gt;%3&lt;/span&gt;</translation>
    </message>
    <message>
        <source>This run has no MoE layer in the text tower.</source>
        <translation>Lượt chạy này không có tầng MoE nào trong tháp văn bản.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:gray&quot;&gt;%1 tokens · %2 dropped · “%3”&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:gray&quot;&gt;%1 token · %2 bị loại · “%3”&lt;/span&gt;</translation>
    </message>
    <message>
        <source>CLS</source>
        <translation>CLS</translation>
    </message>
    <message>
        <source>r%1 c%2</source>
        <translation>h%1 c%2</translation>
    </message>
    <message>
        <source>No routing rows of this modality in the snapshot.</source>
        <translation>Bản chụp không có dòng định tuyến nào của phương thức này.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:gray&quot;&gt;%1 tokens × %2 layers · cell = top-1 expert · click a patch or a chip to find its row&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:gray&quot;&gt;%1 token × %2 tầng · ô = chuyên gia top-1 · nhấp vào một patch hoặc một chip để tìm hàng của nó&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer to layer&lt;/b&gt; &lt;span style=&quot;color:gray&quot;&gt;· top-1 experts of all %1 probe samples · row = expert in the earlier layer · follow = share that go where most of their expert goes&lt;/span&gt;</source>
        <translation>&lt;b&gt;Từ tầng sang tầng&lt;/b&gt; &lt;span style=&quot;color:gray&quot;&gt;· chuyên gia top-1 của toàn bộ %1 mẫu thăm dò · hàng = chuyên gia ở tầng trước · đi theo = tỷ lệ token đi tới nơi mà phần lớn token của chuyên gia đó đi tới&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&quot;color:gray&quot;&gt;number = top-1 tokens of this sample in the layer · opacity = gate, from faint at 1/E (undecided) to solid at 1 · hatched = first choice dropped (over capacity)&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&quot;color:gray&quot;&gt;số = số token top-1 của mẫu này trong tầng · độ đậm = gate, từ nhạt ở 1/E (chưa quyết định) đến đậm hẳn ở 1 · gạch chéo = lựa chọn đầu tiên bị loại (vượt dung lượng)&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RoutingWorker</name>
    <message>
        <source>Reading routing snapshots failed: %1</source>
        <translation>Đọc bản chụp định tuyến thất bại: %1</translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation>Chưa mở kho lượt chạy nào.</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RunLauncher</name>
    <message>
        <source>A run is already in progress: cancel it or wait until it ends.</source>
        <translation>Đang có một lượt chạy: hãy hủy nó hoặc chờ đến khi nó kết thúc.</translation>
    </message>
    <message>
        <source>Cannot start %1: %2. Check that the vimoe CLI is built and executable.</source>
        <translation>Không thể khởi động %1: %2. Hãy kiểm tra xem CLI vimoe đã được build và có quyền thực thi chưa.</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RunProgressWidget</name>
    <message>
        <source> · ETA %1</source>
        <translation> · dự kiến còn %1</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RunsModel</name>
    <message>
        <source>%1 (MoE: %2 layers)</source>
        <translation>%1 (MoE: %2 tầng)</translation>
    </message>
    <message>
        <source>Validation recall@1, image to text (latest evaluation)</source>
        <translation>Recall@1 trên tập kiểm định, ảnh sang văn bản (lần đánh giá gần nhất)</translation>
    </message>
    <message>
        <source>Validation recall@1, text to image (latest evaluation)</source>
        <translation>Recall@1 trên tập kiểm định, văn bản sang ảnh (lần đánh giá gần nhất)</translation>
    </message>
    <message>
        <source>Training loss at the last logged step</source>
        <translation>Loss huấn luyện ở bước được ghi gần nhất</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Loss huấn luyện</translation>
    </message>
    <message>
        <source>R@1 i→t</source>
        <translation>R@1 i→t</translation>
    </message>
    <message>
        <source>R@1 t→i</source>
        <translation>R@1 t→i</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>còn %1</translation>
    </message>
    <message>
        <source>%1 · MoE</source>
        <translation>%1 · MoE</translation>
    </message>
    <message>
        <source>Captioning: CIDEr-D; VQA: exact match (latest evaluation)</source>
        <translation>Chú thích ảnh: CIDEr-D; VQA: khớp chính xác (lần đánh giá gần nhất)</translation>
    </message>
    <message>
        <source>Running: estimated time left; ended: how long the run took</source>
        <translation>Đang chạy: thời gian dự kiến còn lại; đã kết thúc: thời gian lượt chạy đã mất</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Task metric</source>
        <translation>Chỉ số tác vụ</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Marked running, but its process is gone (killed, or the machine restarted). Right-click &gt; Resume continues it from its last checkpoint.</source>
        <translation>Được đánh dấu đang chạy, nhưng tiến trình của nó không còn (bị giết, hoặc máy đã khởi động lại). Nhấp phải &gt; Tiếp tục để chạy tiếp từ checkpoint cuối.</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::RunsPanel</name>
    <message>
        <source>No runs yet — start a study from the Run menu, or Launch an experiment</source>
        <translation>Chưa có lượt chạy nào — hãy bắt đầu một nghiên cứu từ menu Chạy, hoặc chạy một thí nghiệm</translation>
    </message>
    <message>
        <source>&amp;Resume from the last checkpoint</source>
        <translation>&amp;Tiếp tục từ checkpoint cuối</translation>
    </message>
    <message>
        <source>Edit &amp;notes…</source>
        <translation>Sửa &amp;ghi chú…</translation>
    </message>
    <message>
        <source>&amp;Delete run…</source>
        <translation>&amp;Xóa lượt chạy…</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::SampleDetailView</name>
    <message>
        <source>Captions (%1)</source>
        <translation>Chú thích ảnh (%1)</translation>
    </message>
    <message>
        <source>Questions (%1)</source>
        <translation>Câu hỏi (%1)</translation>
    </message>
    <message>
        <source> (placeholder answer, never scored)</source>
        <translation> (câu trả lời giữ chỗ, không bao giờ được chấm điểm)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Select an image</source>
        <translation>Chọn một ảnh</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang nạp…</translation>
    </message>
    <message>
        <source>Cannot decode
%1</source>
        <translation>Không giải mã được
%1</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::StoreReader</name>
    <message>
        <source>The run store&apos;s files were replaced while the window read them (%1); reopened it.</source>
        <translation>Các tệp của kho lượt chạy đã bị thay thế trong lúc cửa sổ đang đọc (%1); đã mở lại kho.</translation>
    </message>
    <message>
        <source>run %1 %2 (step %3/%4)</source>
        <translation>lượt chạy %1 %2 (bước %3/%4)</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::TokenChipsView</name>
    <message>
        <source>token %1 “%2”
%3</source>
        <translation>token %1 “%2”
%3</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::TokenPathsView</name>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>%1 in %2
%3</source>
        <translation>%1 ở %2
%3</translation>
    </message>
</context>
<context>
    <name>vimoe::widgets::TransitionsView</name>
    <message>
        <source>One MoE layer in this modality: no layer-to-layer transitions.</source>
        <translation>Phương thức này chỉ có một tầng MoE: không có chuyển tiếp giữa các tầng.</translation>
    </message>
    <message>
        <source>%1 → %2 · %3 tokens</source>
        <translation>%1 → %2 · %3 token</translation>
    </message>
    <message>
        <source>same expert %1 · follow %2</source>
        <translation>cùng chuyên gia %1 · đi theo %2</translation>
    </message>
    <message>
        <source>E%1 → E%2: %3 of %4 tokens (%5)</source>
        <translation>E%1 → E%2: %3 / %4 token (%5)</translation>
    </message>
</context>
<context>
    <name>vimoe::workbench::MainWindow</name>
    <message>
        <source>ViMoE Workbench</source>
        <translation>ViMoE Workbench</translation>
    </message>
    <message>
        <source>No project open — File &gt; Open Project…</source>
        <translation>Chưa mở dự án nào — Tệp &gt; Mở dự án…</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Lượt chạy</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Đường cong</translation>
    </message>
    <message>
        <source>Expert load</source>
        <translation>Tải chuyên gia</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Reading runs from %1</source>
        <translation>Đang đọc lượt chạy từ %1</translation>
    </message>
    <message>
        <source>No run store yet (%1): start a study from the Run menu.</source>
        <translation>Chưa có kho lượt chạy (%1): hãy bắt đầu một nghiên cứu từ menu Chạy.</translation>
    </message>
    <message>
        <source>Demo: %1</source>
        <translation>Demo: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Lỗi: %1</translation>
    </message>
    <message>
        <source>%1 — ViMoE Workbench</source>
        <translation>%1 — ViMoE Workbench</translation>
    </message>
    <message>
        <source>Opened project %1 (%2)</source>
        <translation>Đã mở dự án %1 (%2)</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Không mở được dự án</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;Mở dự án…</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Dự án mới…</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>Dự án &amp;gần đây</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Chạy</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Giao diện</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Tối</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Sáng</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>The interface language changes at the next start.</source>
        <translation>Ngôn ngữ giao diện sẽ thay đổi ở lần khởi động sau.</translation>
    </message>
    <message>
        <source>Open a ViMoE project (a folder with vimoe-project.json)</source>
        <translation>Mở một dự án ViMoE (thư mục có vimoe-project.json)</translation>
    </message>
    <message>
        <source>New project: choose an empty folder (its name becomes the project name)</source>
        <translation>Dự án mới: chọn một thư mục trống (tên thư mục sẽ là tên dự án)</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Thí nghiệm</translation>
    </message>
    <message>
        <source>No runs yet — start a study from the Run menu, or Launch an experiment</source>
        <translation>Chưa có lượt chạy nào — hãy bắt đầu một nghiên cứu từ menu Chạy, hoặc chạy một thí nghiệm</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Định tuyến</translation>
    </message>
    <message>
        <source>Robustness</source>
        <translation>Độ bền</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>Nén</translation>
    </message>
    <message>
        <source>Run store: %1</source>
        <translation>Kho lượt chạy: %1</translation>
    </message>
    <message>
        <source>Quit ViMoE Workbench</source>
        <translation>Thoát ViMoE Workbench</translation>
    </message>
    <message>
        <source>Running now:

%1

It keeps running after the window closes; open the project again to follow it.</source>
        <translation>Đang chạy:

%1

Nó vẫn tiếp tục chạy sau khi đóng cửa sổ; mở lại dự án để theo dõi.</translation>
    </message>
    <message>
        <source>&amp;Quit, keep it running</source>
        <translation>&amp;Thoát, để nó chạy tiếp</translation>
    </message>
    <message>
        <source>&amp;Cancel it, then quit</source>
        <translation>&amp;Hủy nó rồi thoát</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Ở lại</translation>
    </message>
    <message>
        <source>Waiting for the running job to save a checkpoint and stop…</source>
        <translation>Đang chờ tác vụ lưu checkpoint và dừng…</translation>
    </message>
    <message>
        <source>Quit without waiting</source>
        <translation>Thoát không chờ</translation>
    </message>
</context>
<context>
    <name>vimoe::workbench::RunActions</name>
    <message>
        <source>A run is already going: one run at a time (Run &gt; Cancel run first).</source>
        <translation>Đang có một lượt chạy: mỗi lần chỉ một lượt (hãy Chạy &gt; Hủy lượt chạy trước).</translation>
    </message>
    <message>
        <source>Notes of run %1</source>
        <translation>Ghi chú của lượt chạy %1</translation>
    </message>
    <message>
        <source>Notes of run %1 saved</source>
        <translation>Đã lưu ghi chú của lượt chạy %1</translation>
    </message>
    <message>
        <source>Delete run %1?</source>
        <translation>Xóa lượt chạy %1?</translation>
    </message>
    <message>
        <source>Delete run %1 (%2) with its curves, expert load, routing and evaluations from the store? This cannot be undone.</source>
        <translation>Xóa lượt chạy %1 (%2) cùng các đường cong, tải chuyên gia, định tuyến và kết quả đánh giá khỏi kho? Không thể hoàn tác.</translation>
    </message>
    <message>
        <source>Delete the run</source>
        <translation>Xóa lượt chạy</translation>
    </message>
    <message>
        <source>Delete the run and its checkpoints</source>
        <translation>Xóa lượt chạy và các checkpoint</translation>
    </message>
    <message>
        <source>Checkpoints: %1</source>
        <translation>Checkpoint: %1</translation>
    </message>
    <message>
        <source>Run %1 deleted</source>
        <translation>Đã xóa lượt chạy %1</translation>
    </message>
    <message>
        <source>Run %1 is training now: cancel it first (Run &gt; Cancel run).</source>
        <translation>Lượt chạy %1 đang huấn luyện: hãy hủy nó trước (Chạy &gt; Hủy lượt chạy).</translation>
    </message>
    <message>
        <source>This run is lost: its process was killed or the machine restarted. Resume (right-click) would continue it from its last checkpoint instead.

</source>
        <translation>Lượt chạy này đã mất: tiến trình của nó bị giết hoặc máy đã khởi động lại. Tiếp tục (nhấp phải) sẽ chạy tiếp từ checkpoint cuối.

</translation>
    </message>
</context>
<context>
    <name>vimoe::workbench::RunController</name>
    <message>
        <source>&amp;Cancel run</source>
        <translation>&amp;Hủy lượt chạy</translation>
    </message>
    <message>
        <source>No studies in this project</source>
        <translation>Dự án này không có nghiên cứu nào</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Chưa mở dự án nào</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Chạy %1</translation>
    </message>
    <message>
        <source>Run %1 (smoke: a few steps)</source>
        <translation>Chạy %1 (thử nhanh: vài bước)</translation>
    </message>
    <message>
        <source>Study %1 (smoke)</source>
        <translation>Nghiên cứu %1 (thử nhanh)</translation>
    </message>
    <message>
        <source>Study %1</source>
        <translation>Nghiên cứu %1</translation>
    </message>
    <message>
        <source>Open a project first: a run is stored in its project&apos;s store.</source>
        <translation>Hãy mở một dự án trước: lượt chạy được lưu trong kho của dự án.</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>Huấn luyện %1</translation>
    </message>
    <message>
        <source>Cancelling: the run stops at the next step, saves a checkpoint and is marked cancelled.</source>
        <translation>Đang hủy: lượt chạy sẽ dừng ở bước kế tiếp, lưu checkpoint và được đánh dấu là đã hủy.</translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation>%1 đã bị hủy.</translation>
    </message>
    <message>
        <source>%1 finished.</source>
        <translation>%1 đã hoàn tất.</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2). The log panel has the details.</source>
        <translation>%1 thất bại (mã thoát %2). Xem chi tiết trong bảng nhật ký.</translation>
    </message>
    <message>
        <source>Resuming run %1 (%2)</source>
        <translation>Tiếp tục lượt chạy %1 (%2)</translation>
    </message>
    <message>
        <source>A run is already going: one run at a time (Run &gt; Cancel run first).</source>
        <translation>Đang có một lượt chạy: mỗi lần chỉ một lượt (hãy Chạy &gt; Hủy lượt chạy trước).</translation>
    </message>
    <message>
        <source>[%1] starting %2 (output: %3)</source>
        <translation>[%1] bắt đầu %2 (đầu ra: %3)</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Tác vụ %1</translation>
    </message>
    <message>
        <source>Following %1 (process %2, started %3)%4</source>
        <translation>Đang theo dõi %1 (tiến trình %2, bắt đầu lúc %3)%4</translation>
    </message>
    <message>
        <source>; its output goes to the terminal that started it</source>
        <translation>; đầu ra của nó nằm ở terminal đã khởi động nó</translation>
    </message>
    <message>
        <source>; output: %1</source>
        <translation>; đầu ra: %1</translation>
    </message>
    <message>
        <source>Cannot cancel %1: %2</source>
        <translation>Không hủy được %1: %2</translation>
    </message>
    <message>
        <source>%1 ended without an exit status: it crashed or was killed. The log panel has its last output.</source>
        <translation>%1 kết thúc mà không có mã thoát: nó bị sập hoặc bị giết. Bảng nhật ký có đầu ra cuối cùng của nó.</translation>
    </message>
</context>
</TS>
