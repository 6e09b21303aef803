// ModelServer: one `vimoe serve` child process holding one model, asked by JSON lines. The
// model is loaded once; every later request costs only the inference (core/src/cli/serve_verb.cpp
// has the protocol). LibTorch stays out of the GUI process, and a model that fails to load or
// crashes takes only its server down: pending requests fail with its last error line, and the
// next request starts a fresh one.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace vimoe::widgets {

class ModelServer : public QObject {
  Q_OBJECT

 public:
  // serveArguments: what follows `vimoe serve` (--checkpoint DIR [--kind K]).
  ModelServer(const QString& cliPath, const QStringList& serveArguments, const QString& workingDirectory,
              QObject* parent = nullptr);
  ~ModelServer() override;

  // Sends `request` (an "id" is added), starting the server first when it is not running.
  // Returns the id its reply will carry.
  qint64 send(QJsonObject request);
  void stop();  // kills it; pending requests fail with "cancelled"
  bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
  qint64 processId() const { return m_process.processId(); }
  // From the server's ready line ("" before it): the checkpoint it loaded and its run name.
  QString checkpoint() const { return m_checkpoint; }
  QString runName() const { return m_runName; }
  double loadMs() const { return m_loadMs; }

 Q_SIGNALS:
  // ok: `result` is what the one-shot verb's --json prints; otherwise `error` says why.
  // `ms`: the server's time for the request; `waitedMs`: from send() to this reply (a start included).
  void replied(qint64 id, bool ok, const QJsonValue& result, const QString& error, double ms, double waitedMs);

 private:
  void readLines();
  void failPending(const QString& message);

  QString m_cliPath;
  QStringList m_arguments;
  QString m_workingDirectory;
  QProcess m_process;
  QByteArray m_buffer;
  QByteArray m_stderrTail;
  QHash<qint64, QElapsedTimer> m_pending;
  qint64 m_nextId = 1;
  bool m_stopping = false;
  QString m_checkpoint, m_runName;
  double m_loadMs = 0;
};

}  // namespace vimoe::widgets
