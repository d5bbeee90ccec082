#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace vantage::test {

// How a run of the real `vantage` binary ended.
struct VantageRun
{
    bool finished = false; // false: it did not end before the deadline, and was killed
    int exitCode = -1;
    QString stderrText;
};

// Runs `vantage` (from VANTAGE_BIN_DIR) to its end, offscreen, with its settings kept in `configDir`.
inline VantageRun runVantage(const QStringList &arguments, const QString &configDir, int deadlineMs = 60'000)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(VANTAGE_BIN_DIR "/vantage"), arguments);
    VantageRun run;
    run.finished = process.waitForFinished(deadlineMs) && process.exitStatus() == QProcess::NormalExit;
    if (!run.finished) {
        process.kill();
        process.waitForFinished(deadlineMs);
    }
    run.exitCode = process.exitCode();
    run.stderrText = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// The JSON object a file holds; empty when it is missing or not an object.
inline QJsonObject readJsonObject(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

} // namespace vantage::test
