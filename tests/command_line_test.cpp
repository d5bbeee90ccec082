#include "app/CommandLine.h"

#include <gtest/gtest.h>

using namespace vantage;

namespace {

CommandLineResult parse(QStringList args)
{
    args.prepend(QStringLiteral("vantage"));
    return parseCommandLine(args);
}

} // namespace

TEST(CommandLine, NoArgumentsMeansNoExplicitSource)
{
    const auto result = parse({});
    ASSERT_TRUE(result.options);
    EXPECT_TRUE(result.options->url.isEmpty());
    EXPECT_TRUE(result.options->replayPath.isEmpty());
    EXPECT_FALSE(result.options->headless);
    EXPECT_EQ(result.options->feedCapacity, 50'000);
}

TEST(CommandLine, HeadlessWebSocketRun)
{
    const auto result =
        parse({QStringLiteral("--headless"), QStringLiteral("--url"),
               QStringLiteral("ws://127.0.0.1:9000/ws"), QStringLiteral("--duration"), QStringLiteral("5"),
               QStringLiteral("--stats-json"), QStringLiteral("s.json")});
    ASSERT_TRUE(result.options) << result.message.toStdString();
    EXPECT_TRUE(result.options->headless);
    EXPECT_EQ(result.options->url.port(), 9000);
    EXPECT_DOUBLE_EQ(result.options->durationS, 5.0);
    EXPECT_EQ(result.options->statsJsonPath, QStringLiteral("s.json"));
}

TEST(CommandLine, TransportOptions)
{
    const auto defaults = parse({QStringLiteral("--url"), QStringLiteral("wss://feed.example/stream")});
    ASSERT_TRUE(defaults.options) << defaults.message.toStdString();
    EXPECT_TRUE(defaults.options->fallback);
    EXPECT_TRUE(defaults.options->sseUrl.isEmpty());
    EXPECT_DOUBLE_EQ(defaults.options->pollIntervalS, 5.0);

    const auto result =
        parse({QStringLiteral("--sse-url"), QStringLiteral("https://feed.example/events"),
               QStringLiteral("--ca-file"), QStringLiteral("ca.pem"), QStringLiteral("--poll-interval"),
               QStringLiteral("2.5"), QStringLiteral("--no-fallback")});
    ASSERT_TRUE(result.options) << result.message.toStdString();
    EXPECT_EQ(result.options->sseUrl, QUrl(QStringLiteral("https://feed.example/events")));
    EXPECT_EQ(result.options->caFile, QStringLiteral("ca.pem"));
    EXPECT_DOUBLE_EQ(result.options->pollIntervalS, 2.5);
    EXPECT_FALSE(result.options->fallback);
}

TEST(CommandLine, SpeedMaxMeansAsFastAsPossible)
{
    const auto result = parse({QStringLiteral("--replay"), QStringLiteral("log.ndjson"),
                               QStringLiteral("--speed"), QStringLiteral("max")});
    ASSERT_TRUE(result.options);
    EXPECT_DOUBLE_EQ(result.options->speed, 0.0);
    EXPECT_EQ(result.options->replayPath, QStringLiteral("log.ndjson"));
}

TEST(CommandLine, RejectsBadValuesWithSpecificMessages)
{
    struct Case
    {
        QStringList args;
        const char *needle;
    };
    const Case cases[] = {
        {{QStringLiteral("--url"), QStringLiteral("http://127.0.0.1/")}, "ws://"},
        {{QStringLiteral("--speed"), QStringLiteral("-2")}, "--speed"},
        {{QStringLiteral("--speed"), QStringLiteral("fast")}, "--speed"},
        {{QStringLiteral("--duration"), QStringLiteral("soon")}, "--duration"},
        {{QStringLiteral("--duration"), QStringLiteral("3000000")}, "--duration"},
        {{QStringLiteral("--theme"), QStringLiteral("purple")}, "--theme"},
        {{QStringLiteral("--page"), QStringLiteral("graphs")}, "--page must be one of: overview, map, alerts, metrics"},
        {{QStringLiteral("--size"), QStringLiteral("big")}, "--size"},
        {{QStringLiteral("--demo"), QStringLiteral("--replay"), QStringLiteral("x")}, "one source"},
        {{QStringLiteral("--headless"), QStringLiteral("--screenshot"), QStringLiteral("x.png")},
         "--screenshot"},
        {{QStringLiteral("--headless"), QStringLiteral("--exit-after-first-frame")},
         "--exit-after-first-frame needs a window"},
        {{QStringLiteral("--no-such-option")}, "no-such-option"},
        {{QStringLiteral("stray")}, "stray"},
        {{QStringLiteral("--sse-url"), QStringLiteral("ws://127.0.0.1/events")}, "--sse-url"},
        {{QStringLiteral("--sse-url"), QStringLiteral("http:///events")}, "--sse-url"},
        {{QStringLiteral("--poll-interval"), QStringLiteral("0.1")}, "--poll-interval"},
        {{QStringLiteral("--sse-url"), QStringLiteral("http://127.0.0.1/e"), QStringLiteral("--demo")},
         "one source"},
        {{QStringLiteral("--token-file"), QStringLiteral("t"), QStringLiteral("--token-keychain"),
          QStringLiteral("prod")},
         "one token source"},
        {{QStringLiteral("--token-keychain"), QStringLiteral("prod token")}, "--token-keychain"},
        {{QStringLiteral("--token-keychain"), QString()}, "--token-keychain"},
        {{QStringLiteral("--store-token"), QStringLiteral("a/b")}, "--store-token"},
        {{QStringLiteral("--store-token"), QStringLiteral("prod"), QStringLiteral("--demo")}, "only stores"},
        {{QStringLiteral("--store-token"), QStringLiteral("prod"), QStringLiteral("--headless")},
         "only stores"},
        {{QStringLiteral("--replay"), QStringLiteral("log.ndjson"), QStringLiteral("--record"),
          QStringLiteral("./log.ndjson")},
         "--record"},
        {{QStringLiteral("--journal-hours"), QStringLiteral("-1")}, "--journal-hours"},
        {{QStringLiteral("--journal-hours"), QStringLiteral("9000")}, "--journal-hours"},
        {{QStringLiteral("--backtest"), QStringLiteral("log.ndjson"), QStringLiteral("--replay"),
          QStringLiteral("log.ndjson")},
         "one of"},
        {{QStringLiteral("--backtest"), QStringLiteral("log.ndjson"), QStringLiteral("--headless")},
         "one of"},
        {{QStringLiteral("--rules"), QStringLiteral("rules.json")}, "--backtest"},
        {{QStringLiteral("--kiosk"), QStringLiteral("--rotate-seconds"), QStringLiteral("4")}, "5 to 3600"},
        {{QStringLiteral("--kiosk"), QStringLiteral("--rotate-seconds"), QStringLiteral("3601")},
         "5 to 3600"},
        {{QStringLiteral("--kiosk"), QStringLiteral("--rotate-seconds"), QStringLiteral("7.5")},
         "whole number"},
        {{QStringLiteral("--kiosk"), QStringLiteral("--rotate-seconds"), QStringLiteral("soon")},
         "--rotate-seconds"},
        {{QStringLiteral("--rotate-seconds"), QStringLiteral("10")}, "is for --kiosk"},
        {{QStringLiteral("--kiosk"), QStringLiteral("--headless")}, "--kiosk needs a window"},
        {{QStringLiteral("--kiosk"), QStringLiteral("--stale-seconds"), QStringLiteral("2")}, "--stale-seconds"},
        {{QStringLiteral("--kiosk"), QStringLiteral("--screens"), QStringLiteral("HDMI-1=mpa")},
         "--screens: \"HDMI-1=mpa\": unknown page \"mpa\""},
        {{QStringLiteral("--screens"), QStringLiteral("*=map")}, "--screens is for --kiosk"},
        {{QStringLiteral("--kiosk"), QStringLiteral("--exit-chord"), QStringLiteral("Q")}, "--exit-chord: "},
        {{QStringLiteral("--kiosk"), QStringLiteral("--type-scale"), QStringLiteral("9")}, "0.75 to 4"},
        {{QStringLiteral("--kiosk"), QStringLiteral("--type-scale"), QStringLiteral("big")}, "0.75 to 4"},
        {{QStringLiteral("--profile"), QStringLiteral("../etc")}, "--profile needs a name"},
        {{QStringLiteral("--export-profile"), QStringLiteral("a.json"), QStringLiteral("--import-profile"),
          QStringLiteral("b.json")},
         "choose one of --export-profile and --import-profile"},
        {{QStringLiteral("--kiosk"), QStringLiteral("--backtest"), QStringLiteral("log.ndjson")},
         "--kiosk needs a window"},
    };
    for (const Case &c : cases) {
        const auto result = parse(c.args);
        EXPECT_FALSE(result.options) << c.args.join(QLatin1Char(' ')).toStdString();
        EXPECT_EQ(result.exitCode, 2);
        EXPECT_TRUE(result.message.contains(QLatin1String(c.needle)))
            << result.message.toStdString() << " should mention " << c.needle;
    }
}

TEST(CommandLine, TokenKeychainStoreTokenAndRecord)
{
    const auto connect = parse({QStringLiteral("--url"), QStringLiteral("wss://127.0.0.1/ws"),
                                QStringLiteral("--token-keychain"), QStringLiteral("ops.prod_1"),
                                QStringLiteral("--record"), QStringLiteral("session.ndjson.gz")});
    ASSERT_TRUE(connect.options) << connect.message.toStdString();
    EXPECT_EQ(connect.options->tokenKeychainEntry, QStringLiteral("ops.prod_1"));
    EXPECT_EQ(connect.options->recordPath, QStringLiteral("session.ndjson.gz"));
    EXPECT_TRUE(connect.options->storeTokenEntry.isEmpty());

    const auto store = parse({QStringLiteral("--store-token"), QStringLiteral("prod")});
    ASSERT_TRUE(store.options) << store.message.toStdString();
    EXPECT_EQ(store.options->storeTokenEntry, QStringLiteral("prod"));
}

TEST(CommandLine, JournalOptions)
{
    const auto defaults = parse({QStringLiteral("--url"), QStringLiteral("wss://127.0.0.1/ws")});
    ASSERT_TRUE(defaults.options) << defaults.message.toStdString();
    EXPECT_TRUE(defaults.options->journalDir.isEmpty());
    EXPECT_EQ(defaults.options->journalHours, 336.0);

    const auto set =
        parse({QStringLiteral("--url"), QStringLiteral("wss://127.0.0.1/ws"), QStringLiteral("--journal-dir"),
               QStringLiteral("/var/lib/vantage"), QStringLiteral("--journal-hours"), QStringLiteral("6.5")});
    ASSERT_TRUE(set.options) << set.message.toStdString();
    EXPECT_EQ(set.options->journalDir, QStringLiteral("/var/lib/vantage"));
    EXPECT_EQ(set.options->journalHours, 6.5);
}

TEST(CommandLine, HelpDocumentsEveryOption)
{
    const auto result = parse({QStringLiteral("--help")});
    EXPECT_FALSE(result.options);
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.message.startsWith(QLatin1String("Usage: "))) << result.message.toStdString();
    EXPECT_FALSE(result.message.contains(QLatin1String("<executable_name>")));
    for (const char *option :
         {"--url",           "--sse-url",        "--no-fallback", "--poll-interval", "--ca-file",
          "--token-file",    "--token-keychain", "--store-token", "--record",        "--replay",
          "--speed",         "--demo",           "--headless",    "--duration",      "--stats-json",
          "--screenshot",    "--after",          "--theme",       "--page",          "--size",
          "--journal-dir",   "--journal-hours",  "--backtest",    "--rules",         "--kiosk",
          "--rotate-seconds", "--stale-seconds", "--screens",     "--exit-chord",    "--type-scale",
          "--set-kiosk-pin", "--profile",        "--export-profile", "--import-profile",
          "--exit-after-first-frame"})
        EXPECT_TRUE(result.message.contains(QLatin1String(option))) << option;
}

TEST(CommandLine, ScreenshotSizeAndDelay)
{
    const auto result =
        parse({QStringLiteral("--screenshot"), QStringLiteral("out.png"), QStringLiteral("--after"),
               QStringLiteral("1.5"), QStringLiteral("--size"), QStringLiteral("1920x1080")});
    ASSERT_TRUE(result.options);
    EXPECT_EQ(result.options->screenshotPath, QStringLiteral("out.png"));
    EXPECT_DOUBLE_EQ(result.options->screenshotAfterS, 1.5);
    EXPECT_EQ(result.options->windowSize, QSize(1920, 1080));
    EXPECT_FALSE(result.options->exitAfterFirstFrame);
    EXPECT_EQ(parse({QStringLiteral("--page"), QStringLiteral("Map")}).options->page, QStringLiteral("map"));
    EXPECT_EQ(parse({QStringLiteral("--page"), QStringLiteral("metrics")}).options->page, QStringLiteral("metrics"));
}

TEST(CommandLine, KioskAndRotationInterval)
{
    const auto defaults = parse({});
    ASSERT_TRUE(defaults.options);
    EXPECT_FALSE(defaults.options->kiosk);
    EXPECT_EQ(defaults.options->rotateSeconds, 30);

    const auto kiosk = parse({QStringLiteral("--demo"), QStringLiteral("--kiosk")});
    ASSERT_TRUE(kiosk.options) << kiosk.message.toStdString();
    EXPECT_TRUE(kiosk.options->kiosk);
    EXPECT_EQ(kiosk.options->rotateSeconds, 30);
    EXPECT_TRUE(kiosk.options->theme.isEmpty()); // dark is the window's choice, not the parser's

    for (const int seconds : {5, 45, 3600}) {
        const auto set =
            parse({QStringLiteral("--kiosk"), QStringLiteral("--rotate-seconds"), QString::number(seconds),
                   QStringLiteral("--theme"), QStringLiteral("light")});
        ASSERT_TRUE(set.options) << set.message.toStdString();
        EXPECT_EQ(set.options->rotateSeconds, seconds);
        EXPECT_EQ(set.options->theme, QStringLiteral("light"));
    }

    const auto wall = parse({QStringLiteral("--kiosk"), QStringLiteral("--profile"), QStringLiteral("wall"),
                             QStringLiteral("--screens"), QStringLiteral("#0=alerts;*=map"),
                             QStringLiteral("--exit-chord"), QStringLiteral("Ctrl+Alt+F12"),
                             QStringLiteral("--type-scale"), QStringLiteral("2"), QStringLiteral("--stale-seconds"),
                             QStringLiteral("60")});
    ASSERT_TRUE(wall.options) << wall.message.toStdString();
    EXPECT_EQ(wall.options->profile, QStringLiteral("wall"));
    EXPECT_EQ(wall.options->screens, QStringLiteral("#0=alerts;*=map"));
    EXPECT_EQ(wall.options->exitChord, QStringLiteral("Ctrl+Alt+F12"));
    EXPECT_DOUBLE_EQ(wall.options->typeScale, 2.0);
    EXPECT_EQ(wall.options->staleSeconds, 60);
    // What the command line gave is what the profile keeps (app/SavedKiosk).
    EXPECT_EQ(wall.options->given, (QStringList{QStringLiteral("kiosk"), QStringLiteral("stale-seconds"),
                                                QStringLiteral("screens"), QStringLiteral("exit-chord"),
                                                QStringLiteral("type-scale"), QStringLiteral("profile")}));
}
