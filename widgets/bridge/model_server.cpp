#include "bridge/model_server.h"

#include <QJsonDocument>

namespace vimoe::widgets {
namespace {

constexpr int kStderrTail = 4096;  // enough for the CLI's last "error: ..." line

}  // namespace

ModelServer::ModelServer(const QString& cliPath, const QStringList& serveArguments, const QString& workingDirectory,
                         QObject* parent)
    : QObject(parent), m_cliPath(cliPath), m_arguments(serveArguments), m_workingDirectory(workingDirectory) {
  connect(&m_process, &QProcess::readyReadStandardOutput, this, &ModelServer::readLines);
  connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
    m_stderrTail += m_process.readAllStandardError();
    if (m_stderrTail.size() > kStderrTail) m_stderrTail = m_stderrTail.right(kStderrTail);
  });
  connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
    readLines();
    if (m_stopping) {
      failPending(tr("cancelled"));
      return;
    }
    // The CLI's last line is "error: <what failed, where>"; show that, not the whole log.
    const QStringList lines = QString::fromUtf8(m_stderrTail).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QString message = lines.isEmpty() ? QString() : lines.last().trimmed();
    if (message.startsWith(QStringLiteral("error: "))) message = message.mid(7);
    if (message.isEmpty())
      message = status == QProcess::CrashExit ? tr("the vimoe serve process crashed") : tr("vimoe serve ended (exit code %1)").arg(exitCode);
    failPending(message);
  });
  connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
    if (error == QProcess::FailedToStart) failPending(tr("cannot start %1: %2").arg(m_cliPath, m_process.errorString()));
  });
}

ModelServer::~ModelServer() {
  if (!isRunning()) return;
  blockSignals(true);  // whoever asked may be half destroyed already: nobody hears the pending failures
  m_stopping = true;
  m_process.closeWriteChannel();  // end of input: the server exits by itself
  if (!m_process.waitForFinished(1000)) {
    m_process.kill();
    m_process.waitForFinished(2000);
  }
}

qint64 ModelServer::send(QJsonObject request) {
  if (!isRunning()) {
    m_stopping = false;
    m_buffer.clear();
    m_stderrTail.clear();
    m_process.setWorkingDirectory(m_workingDirectory);
    m_process.start(m_cliPath, QStringList{QStringLiteral("serve")} + m_arguments);
  }
  const qint64 id = m_nextId++;
  request.insert(QStringLiteral("id"), id);
  m_pending[id].start();
  // Written at once: the server reads it after loading the model.
  m_process.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
  return id;
}

void ModelServer::stop() {
  if (!isRunning()) return;
  m_stopping = true;
  m_process.kill();  // inference writes nothing: nothing to lose by stopping at once
}

void ModelServer::readLines() {
  m_buffer += m_process.readAllStandardOutput();
  for (int end; (end = m_buffer.indexOf('\n')) >= 0;) {
    const QByteArray line = m_buffer.left(end);
    m_buffer.remove(0, end + 1);
    const QJsonObject reply = QJsonDocument::fromJson(line).object();
    if (reply.value(QStringLiteral("event")).toString() == QStringLiteral("ready")) {
      m_checkpoint = reply.value(QStringLiteral("checkpoint")).toString();
      m_runName = reply.value(QStringLiteral("run")).toString();
      m_loadMs = reply.value(QStringLiteral("load_ms")).toDouble();
      continue;
    }
    const qint64 id = reply.value(QStringLiteral("id")).toInteger(-1);
    if (!m_pending.contains(id)) continue;  // a reply to a line that was not a request of ours
    const double waited = static_cast<double>(m_pending.take(id).nsecsElapsed()) / 1e6;
    Q_EMIT replied(id, reply.value(QStringLiteral("ok")).toBool(), reply.value(QStringLiteral("result")),
                   reply.value(QStringLiteral("error")).toString(), reply.value(QStringLiteral("ms")).toDouble(), waited);
  }
}

void ModelServer::failPending(const QString& message) {
  const auto ids = m_pending.keys();
  m_pending.clear();
  for (const qint64 id : ids) Q_EMIT replied(id, false, {}, message, 0, 0);
}

}  // namespace vimoe::widgets
