#include "app/ProfileSettings.h"

#include "app/JsonFile.h"
#include "app/SavedKiosk.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>

namespace vantage::ProfileSettings {

namespace {

const QString kFormatKey = QStringLiteral("vantageProfile");
const QString kSettingsKey = QStringLiteral("settings");
constexpr int kFormatVersion = 1;
// Far above any real profile (the rules are the largest value).
constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;
// The groups Vantage keeps settings in; anything else in a file is a mistake.
const QStringList kGroups = {QStringLiteral("appearance"),    QStringLiteral("window"), QStringLiteral("connection"),
                             QStringLiteral("alerts"),        QStringLiteral("notifications"),
                             QStringLiteral("kiosk")};
const QString kBytesKey = QStringLiteral("base64");

QJsonValue toJson(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return QJsonObject{{kBytesKey, QString::fromLatin1(value.toByteArray().toBase64())}};
    case QMetaType::QStringList: return QJsonArray::fromStringList(value.toStringList());
    case QMetaType::Bool: return value.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Double: return value.toDouble();
    default: return value.toString();
    }
}

// The setting a JSON value stands for; an invalid QVariant when it stands for none.
QVariant fromJson(const QJsonValue &value)
{
    if (value.isString() || value.isBool())
        return value.toVariant();
    if (value.isDouble())
        return value.toDouble();
    if (value.isArray()) {
        QStringList list;
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString())
                return {};
            list << item.toString();
        }
        return list;
    }
    const QJsonObject object = value.toObject();
    if (object.size() == 1 && object.value(kBytesKey).isString())
        return QByteArray::fromBase64(object.value(kBytesKey).toString().toLatin1());
    return {};
}

} // namespace

bool isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(name).hasMatch();
}

std::unique_ptr<QSettings> open(const QString &name)
{
    if (name.isEmpty())
        return std::make_unique<QSettings>();
    auto settings = std::make_unique<QSettings>(QCoreApplication::organizationName(),
                                                QCoreApplication::applicationName() + QStringLiteral("/profiles/") + name);
    // QSettings makes the organisation's folder, not one below it.
    QDir().mkpath(QFileInfo(settings->fileName()).absolutePath());
    return settings;
}

QString exportTo(const QSettings &settings, const QString &path)
{
    QJsonObject values;
    // The PIN's hash stays on the wall it was set on: a hash of a few digits is easily turned
    // back into them.
    for (const QString &key : settings.allKeys()) {
        if (key != kioskPinKey())
            values.insert(key, toJson(settings.value(key)));
    }
    QString error;
    if (!writeJsonFile(path, QJsonObject{{kFormatKey, kFormatVersion}, {kSettingsKey, values}}, &error))
        return error;
    return {};
}

QString importFrom(const QString &path, QSettings &settings)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
    if (file.size() > kMaxFileBytes)
        return QStringLiteral("%1 is too large for a profile (more than 4 MiB)").arg(path);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return QStringLiteral("%1 is not JSON: %2 at offset %3").arg(path, parseError.errorString()).arg(parseError.offset);
    const QJsonObject root = document.object();
    if (root.value(kFormatKey).toInt() != kFormatVersion || !root.value(kSettingsKey).isObject())
        return QStringLiteral("%1 is not a Vantage profile (version %2 expected)").arg(path).arg(kFormatVersion);

    std::vector<std::pair<QString, QVariant>> values;
    const QJsonObject stored = root.value(kSettingsKey).toObject();
    for (auto it = stored.begin(); it != stored.end(); ++it) {
        const QString group = it.key().section(QLatin1Char('/'), 0, 0);
        if (!it.key().contains(QLatin1Char('/')) || !kGroups.contains(group))
            return QStringLiteral("%1: \"%2\" is not a setting Vantage keeps (groups: %3)")
                .arg(path, it.key(), kGroups.join(QStringLiteral(", ")));
        if (it.key() == kioskPinKey())
            return QStringLiteral("%1: a profile file does not carry the kiosk PIN; set it with --set-kiosk-pin").arg(path);
        const QVariant value = fromJson(it.value());
        if (!value.isValid())
            return QStringLiteral("%1: the value of \"%2\" is neither text, a number, true/false, a list of "
                                  "texts nor bytes")
                .arg(path, it.key());
        values.emplace_back(it.key(), value);
    }

    const QVariant pin = settings.value(kioskPinKey());
    settings.clear();
    if (pin.isValid())
        settings.setValue(kioskPinKey(), pin);
    for (const auto &[key, value] : values)
        settings.setValue(key, value);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return QStringLiteral("cannot write the profile's settings to %1").arg(settings.fileName());
    return {};
}

} // namespace vantage::ProfileSettings
