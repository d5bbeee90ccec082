#pragma once

#include "feed/Message.h"

namespace vantage::test {

// An event message "signup" with id "ev-<n>", for a relay to publish.
inline Message signupMessage(int n)
{
    LiveEvent body;
    body.id = QStringLiteral("ev-%1").arg(n);
    body.type = QStringLiteral("signup");
    Message message;
    message.kind = MessageKind::Event;
    message.body = body;
    return message;
}

} // namespace vantage::test
