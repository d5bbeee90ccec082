#pragma once

// Internal to the decoder: one reader per message body (docs/protocol.md). Field spellings come
// from the tables in SeedProfiles.cpp.

#include "feed/DecodeValues.h"
#include "feed/Message.h"

#include <string>

namespace vantage::decode {

// What a body reader leaves for the envelope besides the body itself.
struct BodyContext
{
    std::optional<qint64> timeMs; // the body's own "timestamp"/"ts", if any
    std::string path;             // scratch for dotted names, reused across frames
    StringPool names;             // the names messages repeat, shared across frames
};

DecodeError readHello(od::object &object, BodyContext &context, HelloInfo &out);
DecodeError readSnapshot(od::object &object, BodyContext &context, SnapshotInfo &out);
// Seed 002's whole-state update: every numeric leaf becomes a dotted gauge, some also counters.
DecodeError readNestedTotals(od::object &object, BodyContext &context, SnapshotInfo &out);
DecodeError readEvent(od::object &object, BodyContext &context, LiveEvent &out);
DecodeError readMetrics(od::object &object, BodyContext &context, MetricsSample &out);
DecodeError readActiveUsers(od::object &object, BodyContext &context, ActiveUsersUpdate &out);
DecodeError readAlert(od::object &object, BodyContext &context, AlertInfo &out); // BadField without id
DecodeError readAlertResolved(od::object &object, BodyContext &context, AlertResolvedInfo &out); // idem
DecodeError readAlertAck(od::object &object, BodyContext &context, AlertAckInfo &out); // idem
DecodeError readProgress(od::object &object, BodyContext &context, ProgressInfo &out);
DecodeError readNotification(od::object &object, BodyContext &context, NotificationInfo &out);

} // namespace vantage::decode
