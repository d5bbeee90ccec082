#pragma once

#include "app/AppOptions.h"
#include "app/SessionController.h"
#include "app/SourceFactory.h"
#include "feed/JournalOptions.h"
#include "relay/RelayServer.h"

#include <QUrl>

namespace vantage::test {

// A relay on loopback that sends no keep-alive traffic in the middle of a test's expectations.
// Tests that include this link vantage_relay.
inline RelayOptions quietRelayOptions()
{
    RelayOptions options;
    options.heartbeatMs = 60'000;
    return options;
}

// Starts `controller` on the relay's WebSocket stream, journaled into `journalDir` unless it is
// empty, and with the SSE and polling fallbacks only when `fallback`.
inline void followRelay(SessionController &controller, const RelayServer &relay, const QString &journalDir = {},
                        bool fallback = true)
{
    if (!journalDir.isEmpty()) {
        JournalOptions journal;
        journal.dir = journalDir;
        controller.setJournalOptions(journal);
    }
    AppOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/stream").arg(relay.port()));
    options.fallback = fallback;
    controller.start(makeSource(options));
}

} // namespace vantage::test
