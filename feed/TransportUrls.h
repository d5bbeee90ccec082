#pragma once

#include <QUrl>

namespace vantage {

// The SSE endpoint that goes with a WebSocket URL when none is configured: the same host and
// port over http(s), with a trailing "/stream" path segment replaced by "/events" (the relay's
// layout, docs/protocol.md "Fallback"); any other path is kept. The query (which may hold a
// resume point) is dropped; user info too, since credentials travel only as a bearer header.
QUrl sseUrlFor(const QUrl &webSocketUrl);

} // namespace vantage
