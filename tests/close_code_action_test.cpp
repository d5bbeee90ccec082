#include "feed/CloseCodeAction.h"

#include <gtest/gtest.h>

using namespace vantage;

TEST(CloseCodeAction, TheDocumentedTable)
{
    const struct
    {
        int code;
        CloseAction action;
    } expected[] = {
        {1000, CloseAction::Reconnect},         {1001, CloseAction::Reconnect},
        {1006, CloseAction::Backoff},           {1011, CloseAction::Backoff},
        {1008, CloseAction::Stop},              {1012, CloseAction::RestartDelay},
        {1013, CloseAction::OpenBreaker},       {1002, CloseAction::PersistentFailure},
        {1003, CloseAction::PersistentFailure}, {1007, CloseAction::PersistentFailure},
        {1009, CloseAction::PersistentFailure},
    };
    for (const auto &row : expected)
        EXPECT_EQ(closeRuleFor(row.code).action, row.action) << row.code;
}

TEST(CloseCodeAction, UnknownAndApplicationCodesBackOff)
{
    for (const int code : {0, 999, 1004, 1014, 2000, 3000, 4000, 4999})
        EXPECT_EQ(closeRuleFor(code).action, CloseAction::Backoff) << code;
    EXPECT_EQ(closeRuleFor(4321).name, QLatin1String("unknown"));
}

TEST(CloseCodeAction, EveryKnownCodeHasAName)
{
    for (const int code : {1000, 1001, 1002, 1003, 1006, 1007, 1008, 1009, 1011, 1012, 1013}) {
        EXPECT_NE(closeRuleFor(code).name, QLatin1String("unknown")) << code;
    }
    EXPECT_EQ(closeRuleFor(1008).name, QLatin1String("policy violation"));
    EXPECT_EQ(closeActionName(CloseAction::OpenBreaker), QLatin1String("open-breaker"));
}

TEST(CloseCodeAction, QtHiddenCodesAreRecognisedByTheirReason)
{
    EXPECT_TRUE(isHiddenCloseCode(1002, QStringLiteral("Invalid close code 1002 detected.")));
    EXPECT_FALSE(isHiddenCloseCode(1002, QStringLiteral("bad frame")));
    EXPECT_FALSE(isHiddenCloseCode(1000, QStringLiteral("Invalid close code 1002 detected.")));
    EXPECT_EQ(hiddenCloseCodeRule().action, CloseAction::RestartOrBusy);
}
