#include "SeekMeasurement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vantage {

namespace {

QJsonObject sampleToJson(const SeekSample &sample)
{
    return {{QStringLiteral("target_ms"), sample.targetMs}, {QStringLiteral("share"), sample.share},
            {QStringLiteral("from_line"), sample.fromLine}, {QStringLiteral("ms"), sample.ms},
            {QStringLiteral("frames"), sample.frames},      {QStringLiteral("lines"), sample.lines}};
}

SeekSample sampleFromJson(const QJsonObject &object)
{
    SeekSample sample;
    sample.targetMs = object.value(QLatin1String("target_ms")).toInteger();
    sample.share = object.value(QLatin1String("share")).toDouble();
    sample.fromLine = object.value(QLatin1String("from_line")).toInteger();
    sample.ms = object.value(QLatin1String("ms")).toDouble();
    sample.frames = object.value(QLatin1String("frames")).toInteger();
    sample.lines = object.value(QLatin1String("lines")).toInteger();
    return sample;
}

} // namespace

QByteArray SeekMeasurement::toJsonLine() const
{
    QJsonArray samples;
    for (const SeekSample &sample : seeks)
        samples.append(sampleToJson(sample));
    const QJsonObject object{
        {QStringLiteral("index"), index.toJson()},    {QStringLiteral("seek_points"), seekPoints},
        {QStringLiteral("bytes_kept"), bytesKept},    {QStringLiteral("every_frames"), everyFrames},
        {QStringLiteral("index_rss_mb"), indexRssMb}, {QStringLiteral("seeks"), samples},
        {QStringLiteral("seeks_rss_mb"), seeksRssMb}, {QStringLiteral("error"), error}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

SeekMeasurement SeekMeasurement::fromOutput(const QByteArray &output)
{
    SeekMeasurement result;
    const QJsonObject object = lastJsonLine(output);
    if (object.isEmpty()) {
        result.error = QStringLiteral("no result: ") + QString::fromUtf8(output.trimmed());
        return result;
    }
    result.index = LogMeasurement::fromJson(object.value(QLatin1String("index")).toObject());
    result.seekPoints = object.value(QLatin1String("seek_points")).toInteger();
    result.bytesKept = object.value(QLatin1String("bytes_kept")).toInteger();
    result.everyFrames = object.value(QLatin1String("every_frames")).toInteger();
    result.indexRssMb = object.value(QLatin1String("index_rss_mb")).toDouble();
    const QJsonArray samples = object.value(QLatin1String("seeks")).toArray();
    for (const QJsonValue &sample : samples)
        result.seeks.push_back(sampleFromJson(sample.toObject()));
    result.seeksRssMb = object.value(QLatin1String("seeks_rss_mb")).toDouble();
    result.error = object.value(QLatin1String("error")).toString();
    return result;
}

} // namespace vantage
