#include "feed/DecodeBodies.h"

#include "feed/SeedProfiles.h"

namespace vantage::decode {

namespace {

// Deeper nesting carries no gauges anyone charts; it is skipped, not an error.
constexpr int kMaxFlattenDepth = 8;

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Calls visit(dottedPath, number) for every numeric leaf under `value`; `path` holds the
// value's own name on entry and is restored on return.
template<typename Visit>
DecodeError flattenNumbers(od::value value, std::string &path, int depth, Visit &visit)
{
    od::json_type type;
    if (const auto error = value.type().get(type))
        return fromSimdjson(error);
    if (type == od::json_type::number) {
        double number = 0.0;
        if (const auto error = value.get_double().get(number))
            return fromSimdjson(error);
        visit(std::string_view(path), number);
        return DecodeError::None;
    }
    if (type != od::json_type::object || depth >= kMaxFlattenDepth)
        return DecodeError::None;
    od::object object;
    if (const auto error = value.get_object().get(object))
        return fromSimdjson(error);
    const size_t base = path.size();
    return forEachField(object, [&](std::string_view key, od::value child) {
        if (base > 0)
            path += '.';
        path += key;
        const DecodeError error = flattenNumbers(child, path, depth + 1, visit);
        path.resize(base);
        return error;
    });
}

// Calls handler(element) for every element of an array value; null is an empty array.
template<typename Handler>
DecodeError forEachElement(od::value value, Handler &&handler)
{
    if (isNull(value))
        return DecodeError::None;
    od::array array;
    if (const auto error = value.get_array().get(array))
        return fromSimdjson(error);
    for (auto entry : array) {
        od::value element;
        if (const auto error = std::move(entry).get(element))
            return fromSimdjson(error);
        if (const DecodeError error = handler(element); error != DecodeError::None)
            return error;
    }
    return DecodeError::None;
}

// Calls read(object) when the value is an object; null is absent.
template<typename Read>
DecodeError withObject(od::value value, Read &&read)
{
    od::object object;
    DecodeError error = DecodeError::None;
    if (!getObject(value, object, error))
        return error;
    return read(object);
}

DecodeError readRole(od::value value, StringPool &names, QString &out)
{
    if (isNull(value))
        return DecodeError::None;
    std::string_view role;
    if (const auto error = value.get_string().get(role))
        return fromSimdjson(error);
    out = names.intern(canonicalRoleName(role).value_or(role));
    return DecodeError::None;
}

DecodeError readSeverity(od::value value, Severity &out)
{
    if (isNull(value))
        return DecodeError::None;
    std::string_view name;
    if (const auto error = value.get_string().get(name))
        return fromSimdjson(error);
    out = severityForName(name);
    return DecodeError::None;
}

// Keeps the raw JSON text of "metadata" and picks up the role hints it may carry.
DecodeError readMetadata(od::value value, StringPool &names, LiveEvent &event, QString &role, bool &isVendor)
{
    od::json_type type;
    if (const auto error = value.type().get(type))
        return fromSimdjson(error);
    std::string_view raw;
    if (type == od::json_type::null) {
        return DecodeError::None;
    } else if (type == od::json_type::object) {
        od::object object;
        if (const auto error = value.get_object().get(object))
            return fromSimdjson(error);
        const DecodeError error = forEachField(object, [&](std::string_view key, od::value field) {
            switch (fieldForKey(key)) {
            case Field::Role: return readRole(field, names, role);
            case Field::VendorType: {
                QString vendorType;
                const DecodeError e = readText(field, vendorType);
                isVendor = isVendor || !vendorType.isEmpty();
                return e;
            }
            default: return DecodeError::None;
            }
        });
        if (error != DecodeError::None)
            return error;
        bool hasFields = false;
        if (const auto e = object.reset().get(hasFields))
            return fromSimdjson(e);
        if (const auto e = object.raw_json().get(raw))
            return fromSimdjson(e);
    } else if (type == od::json_type::array) {
        od::array array;
        if (const auto error = value.get_array().get(array))
            return fromSimdjson(error);
        if (const auto error = array.raw_json().get(raw))
            return fromSimdjson(error);
    } else {
        raw = value.raw_json_token();
    }
    event.metadataJson = fromUtf8(trimTrailingWhitespace(raw));
    return DecodeError::None;
}

// A time found inside a nested body (a snapshot's metrics or events) is not the message's time.
template<typename Read>
DecodeError nested(BodyContext &context, Read &&read)
{
    const std::optional<qint64> saved = context.timeMs;
    const DecodeError error = read();
    context.timeMs = saved;
    return error;
}

} // namespace

DecodeError readHello(od::object &object, BodyContext &context, HelloInfo &out)
{
    return forEachField(object, [&](std::string_view key, od::value value) {
        switch (fieldForKey(key)) {
        case Field::Protocol: return readInteger(value, out.version);
        case Field::Epoch: return readText(value, out.epoch);
        case Field::LastSeq: return readInteger(value, out.lastSeq);
        case Field::HeartbeatMs: return readInteger(value, out.heartbeatMs);
        case Field::Server: return readText(value, out.server);
        case Field::Accepts:
            // An entry that is not a name is left out: the rest of the hello still counts.
            return forEachElement(value, [&](od::value element) {
                QString type;
                if (readText(element, type) == DecodeError::None && !type.isEmpty())
                    out.accepts.push_back(std::move(type));
                return DecodeError::None;
            });
        case Field::Timestamp: return readTime(value, context.timeMs);
        default: return DecodeError::None;
        }
    });
}

DecodeError readEvent(od::object &object, BodyContext &context, LiveEvent &out)
{
    QString bodyRole;
    QString metadataRole;
    bool isVendor = false;
    const DecodeError error = forEachField(object, [&](std::string_view key, od::value value) {
        switch (fieldForKey(key)) {
        case Field::Id: return readText(value, out.id);
        case Field::Type: return readName(value, context.names, out.type);
        case Field::UserId: return readText(value, out.userId);
        case Field::UserName: return readText(value, out.userName);
        case Field::Role: return readRole(value, context.names, bodyRole);
        case Field::Description: return readText(value, out.description);
        case Field::Value: return readNumber(value, out.value);
        case Field::Currency: return readName(value, context.names, out.currency);
        case Field::Location: return readLocation(value, context.names, out.location);
        case Field::Lat: return readNumber(value, out.location.lat);
        case Field::Lon: return readNumber(value, out.location.lon);
        case Field::Country: return readName(value, context.names, out.location.country);
        case Field::City: return readName(value, context.names, out.location.city);
        case Field::Metadata: return readMetadata(value, context.names, out, metadataRole, isVendor);
        case Field::Timestamp: return readTime(value, context.timeMs);
        default: return DecodeError::None;
        }
    });
    if (!bodyRole.isEmpty())
        out.role = bodyRole;
    else if (!metadataRole.isEmpty())
        out.role = metadataRole;
    else if (isVendor)
        out.role = QStringLiteral("supplier"); // vendors are the marketplace's suppliers
    return error;
}

DecodeError readMetrics(od::object &object, BodyContext &context, MetricsSample &out)
{
    const auto addGauge = [&](std::string_view name, double value) {
        out.gauges.push_back({context.names.intern(name), value});
    };
    return forEachField(object, [&](std::string_view key, od::value value) {
        if (fieldForKey(key) == Field::Timestamp)
            return readTime(value, context.timeMs);
        od::json_type type;
        if (const auto error = value.type().get(type))
            return fromSimdjson(error);
        const std::optional<std::string_view> canonical = canonicalGaugeName(key);
        if (canonical && type != od::json_type::object) {
            // A canonical gauge must be a number; an object under its name is flattened below.
            double number = qQNaN();
            const DecodeError error = readNumber(value, number);
            if (error == DecodeError::None && !qIsNaN(number))
                addGauge(*canonical, number);
            return error;
        }
        context.path.assign(key);
        return flattenNumbers(value, context.path, 0, addGauge);
    });
}

DecodeError readActiveUsers(od::object &object, BodyContext &context, ActiveUsersUpdate &out)
{
    const auto addRoleCount = [&](std::string_view name, od::value value) {
        double count = qQNaN();
        const DecodeError error = readNumber(value, count);
        if (error == DecodeError::None && !qIsNaN(count))
            out.byRole.push_back({context.names.intern(canonicalRoleName(name).value_or(name)), count});
        return error;
    };
    return forEachField(object, [&](std::string_view key, od::value value) {
        switch (fieldForKey(key)) {
        case Field::Current: return readNumber(value, out.current);
        case Field::Trend: return readNumber(value, out.trend);
        case Field::Timestamp: return readTime(value, context.timeMs);
        case Field::ByRole:
            return withObject(value, [&](od::object &byRole) { return forEachField(byRole, addRoleCount); });
        case Field::Locations:
            return forEachElement(value, [&](od::value element) {
                GeoLocation location;
                const DecodeError error = readLocation(element, context.names, location);
                if (error == DecodeError::None && !location.isEmpty())
                    out.locations.push_back(std::move(location));
                return error;
            });
        default:
            // Seed 000 sends per-role counts at the top: {"suppliers": 12, "couples": 30}.
            return canonicalRoleName(key) ? addRoleCount(key, value) : DecodeError::None;
        }
    });
}

DecodeError readAlert(od::object &object, BodyContext &context, AlertInfo &out)
{
    const DecodeError error = forEachField(object, [&](std::string_view key, od::value value) {
        switch (fieldForKey(key)) {
        case Field::Id: return readText(value, out.id);
        case Field::Severity: return readSeverity(value, out.severity);
        case Field::Message: return readText(value, out.message);
        case Field::AffectedUsers: return readInteger(value, out.affectedUsers);
        case Field::AutoResolve: return readBool(value, out.autoResolve);
        case Field::Timestamp: return readTime(value, context.timeMs);
        default: return DecodeError::None;
        }
    });
    if (error != DecodeError::None)
        return error;
    return out.id.isEmpty() ? DecodeError::BadField : DecodeError::None;
}

DecodeError readAlertResolved(od::object &object, BodyContext &context, AlertResolvedInfo &out)
{
    const DecodeError error = forEachField(object, [&](std::string_view key, od::value value) {
        switch (fieldForKey(key)) {
        case Field::Id: return readText(value, out.id);
        case Field::Reason: return readText(value, out.reason);
        case Field::Timestamp: return readTime(value, context.timeMs);
        default: return DecodeError::None;
        }
    });
    if (error != DecodeError::None)
        return error;
    return out.id.isEmpty() ? DecodeError::BadField : DecodeError::None;
}

DecodeError readAlertAck(od::object &object, BodyContext &context, AlertAckInfo &out)
{
    const DecodeError error = forEachField(object, [&](std::string_view key, od::value value) {
        switch (fieldForKey(key)) {
        case Field::Id: return readText(value, out.id);
        case Field::By: return readText(value, out.by);
        case Field::Comment: return readText(value, out.comment);
        case Field::Timestamp: return readTime(value, context.timeMs);
        default: return DecodeError::None;
        }
    });
    if (error != DecodeError::None)
        return error;
    return out.id.isEmpty() ? DecodeError::BadField : DecodeError::None;
}

DecodeError readProgress(od::object &object, BodyContext &context, ProgressInfo &out)
{
    return forEachField(object, [&](std::string_view key, od::value value) {
        switch (fieldForKey(key)) {
        case Field::JobId: return readText(value, out.jobId);
        case Field::Label: return readText(value, out.label);
        case Field::Status: return readText(value, out.status);
        case Field::Percent: return readNumber(value, out.percent);
        case Field::Completed: return readInteger(value, out.completed);
        case Field::Total: return readInteger(value, out.total);
        case Field::Timestamp: return readTime(value, context.timeMs);
        default: return DecodeError::None;
        }
    });
}

DecodeError readNotification(od::object &object, BodyContext &context, NotificationInfo &out)
{
    return forEachField(object, [&](std::string_view key, od::value value) {
        switch (fieldForKey(key)) {
        case Field::Id: return readText(value, out.id);
        case Field::UserId: return readText(value, out.userId);
        case Field::Title: return readText(value, out.title);
        case Field::Body: return readText(value, out.body);
        case Field::Read: return readBool(value, out.read);
        case Field::Timestamp: return readTime(value, context.timeMs);
        default: return DecodeError::None;
        }
    });
}

namespace {

// One malformed alert or event must not throw away the snapshot that resynchronises the
// dashboard: drop that item, count it, and keep the rest.
template<typename Item, typename Read>
DecodeError readItemOrSkip(SnapshotInfo &snapshot, std::vector<Item> &items, Read read)
{
    const std::size_t before = items.size();
    const DecodeError error = read();
    if (error != DecodeError::BadField)
        return error;
    items.resize(before);
    ++snapshot.skippedItems;
    return DecodeError::None;
}

} // namespace

DecodeError readSnapshot(od::object &object, BodyContext &context, SnapshotInfo &out)
{
    const auto addCounter = [&](std::string_view name, double value) {
        out.counters.push_back({context.names.intern(name), value});
    };
    return forEachField(object, [&](std::string_view key, od::value value) {
        switch (fieldForKey(key)) {
        case Field::Counters:
            return withObject(value, [&](od::object &counters) {
                return forEachField(counters, [&](std::string_view name, od::value count) {
                    context.path.assign(name);
                    return flattenNumbers(count, context.path, 0, addCounter);
                });
            });
        case Field::Metrics:
            return withObject(value, [&](od::object &metrics) {
                return nested(context, [&] { return readMetrics(metrics, context, out.metrics); });
            });
        case Field::ActiveUsers:
            return withObject(value, [&](od::object &users) {
                return nested(context, [&] { return readActiveUsers(users, context, out.activeUsers); });
            });
        case Field::Alerts:
            return forEachElement(value, [&](od::value element) {
                return readItemOrSkip(out, out.alerts, [&] {
                    return withObject(element, [&](od::object &alert) {
                        return nested(context, [&] { return readAlert(alert, context, out.alerts.emplace_back()); });
                    });
                });
            });
        case Field::Events:
            return forEachElement(value, [&](od::value element) {
                return readItemOrSkip(out, out.events, [&] {
                    return withObject(element, [&](od::object &event) {
                        return nested(context, [&] { return readEvent(event, context, out.events.emplace_back()); });
                    });
                });
            });
        case Field::Timestamp: return readTime(value, context.timeMs);
        default: return DecodeError::None;
        }
    });
}

DecodeError readNestedTotals(od::object &object, BodyContext &context, SnapshotInfo &out)
{
    const auto addLeaf = [&](std::string_view path, double value) {
        out.metrics.gauges.push_back({context.names.intern(path), value});
        if (const TotalsRule *rule = findTotalsRule(path)) {
            out.counters.push_back({context.names.intern(rule->counter), value});
            if (rule->isActiveUsersCurrent)
                out.activeUsers.current = value;
        }
    };
    return forEachField(object, [&](std::string_view key, od::value value) {
        if (fieldForKey(key) == Field::Timestamp)
            return readTime(value, context.timeMs);
        context.path.assign(key);
        return flattenNumbers(value, context.path, 0, addLeaf);
    });
}

} // namespace vantage::decode
