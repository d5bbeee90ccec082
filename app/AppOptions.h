#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace vantage {

// Everything the command line can set. Parsed by parseCommandLine, consumed by the app.
struct AppOptions
{
    QUrl url;                      // --url ws://...
    QUrl sseUrl;                   // --sse-url http(s)://... (else derived from --url for the fallback)
    QString tokenFile;             // --token-file FILE (else --token-keychain, else $VANTAGE_TOKEN)
    QString tokenKeychainEntry;    // --token-keychain NAME: the token from the OS keychain
    QString storeTokenEntry;       // --store-token NAME: store a token read from stdin, then exit
    QString recordPath;            // --record FILE: every received frame, before decoding (NDJSON, .gz)
    QString caFile;                // --ca-file FILE: trust this CA (PEM) besides the system ones
    bool fallback = true;          // --no-fallback: the configured transport only
    double pollIntervalS = 5.0;    // --poll-interval SECONDS: the snapshot poll, last in the chain
    QString replayPath;            // --replay FILE
    double speed = 1.0;            // --speed X; 0 = as fast as possible ("max")
    bool loop = false;             // --loop
    bool demo = false;             // --demo (also the default without a source)
    bool headless = false;         // --headless
    QString backtestPath;          // --backtest LOG: run alert rules over a log and report, then exit
    QString rulesPath;             // --rules FILE: the candidate rules for --backtest (JSON)
    double durationS = 0.0;        // --duration SECONDS: stop after (0: headless, at the source's end; a window, when closed)
    QString statsJsonPath;         // --stats-json FILE
    QString screenshotPath;        // --screenshot FILE
    double screenshotAfterS = 3.0; // --after SECONDS
    bool exitAfterFirstFrame = false; // --exit-after-first-frame: startup measurement
    QString theme;                 // --theme light|dark ("" = the saved choice, dark by default)
    QString page;                  // --page overview|map|alerts|metrics ("" = overview)
    QSize windowSize;              // --size WxH (invalid = the saved or default size)
    int feedCapacity = 50'000;     // --feed-capacity N
    // A wall display (docs/operations.md, "Kiosk"; app/KioskCommandLine). Given on the command
    // line, these are saved in the profile; otherwise the profile's are used (app/SavedKiosk).
    bool kiosk = false;            // --kiosk
    int rotateSeconds = 30;        // --rotate-seconds N (5..3600): how long each kiosk page shows
    int staleSeconds = 30;         // --stale-seconds N (5..3600): when the stale banner shows
    QString screens;               // --screens LAYOUT (ui/ScreenLayout; "" = every page on every screen)
    QString exitChord;             // --exit-chord KEYS ("" = Ctrl+Alt+Shift+Q)
    double typeScale = 0.0;        // --type-scale X (0.75..4; 0 = from the screen's height)
    bool setKioskPin = false;      // --set-kiosk-pin: store the hash of a PIN read from stdin, then exit
    QString profile;               // --profile NAME ("" = the default settings)
    QString dashboardPath;         // --dashboard FILE: the metrics page's panels (saved in the profile)
    QString exportProfilePath;     // --export-profile FILE, then exit
    QString importProfilePath;     // --import-profile FILE, then exit
    QStringList given;             // the wall's and profile's options given, by name ("rotate-seconds")
    // The live journal (docs/journal.md): --journal-dir DIR (default: the app's data folder in the
    // window, none headless) and --journal-hours H (default 336, two weeks: what the load
    // forecast needs for the same weekday and hour; 0: no journal).
    QString journalDir;
    double journalHours = 336.0;
};

} // namespace vantage
