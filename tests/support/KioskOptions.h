#pragma once

#include "ui/KioskController.h"

namespace vantage::test {

// A kiosk rotating every intervalMs, its picture kept still (no pixel shift) for the tests.
inline KioskController::Options rotatingEvery(qint64 intervalMs)
{
    KioskController::Options options;
    options.rotateIntervalMs = intervalMs;
    options.pixelShift.reset();
    return options;
}

} // namespace vantage::test
