#include "ui/ScreenLayout.h"

#include <gtest/gtest.h>

#include <vector>

using namespace vantage;
using namespace Qt::StringLiterals;

// Readable failure output for QString and QStringList comparisons.
void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

void PrintTo(const QStringList &list, std::ostream *os)
{
    *os << '[' << list.join(u", "_s).toStdString() << ']';
}

namespace {

const QStringList allPages{u"overview"_s, u"map"_s, u"alerts"_s, u"metrics"_s};
const QString pageList = u"(pages: overview, map, alerts, metrics)"_s;

ScreenLayout parsed(const QString &text)
{
    QString error;
    const std::optional<ScreenLayout> layout = ScreenLayout::parse(text, &error);
    EXPECT_TRUE(layout.has_value()) << error.toStdString();
    return layout.value_or(ScreenLayout());
}

QString parseError(const QString &text)
{
    QString error;
    EXPECT_FALSE(ScreenLayout::parse(text, &error).has_value()) << text.toStdString();
    return error;
}

QString jsonError(const char *json)
{
    QString error;
    EXPECT_FALSE(ScreenLayout::fromJson(json, &error).has_value()) << json;
    return error;
}

} // namespace

TEST(ScreenLayout, PageNamesAreTheFourPagesInOrder)
{
    EXPECT_EQ(ScreenLayout::pageNames(), allPages);
}

TEST(ScreenLayout, ByDefaultEveryScreenShowsEveryPage)
{
    const std::vector<QStringList> assigned =
        ScreenLayout::everyScreen().assign({u"HDMI-1"_s, u"DP-2"_s, u""_s});
    EXPECT_EQ(assigned, std::vector<QStringList>(3, allPages));
}

TEST(ScreenLayout, MatchesByNameThenIndexThenStar)
{
    const ScreenLayout layout = parsed(u"HDMI-1=overview,map; #1 = alerts ;*=metrics"_s);
    const std::vector<QStringList> assigned = layout.assign({u"DP-2"_s, u"eDP-1"_s, u"HDMI-1"_s});
    ASSERT_EQ(assigned.size(), 3u);
    EXPECT_EQ(assigned[0], QStringList{u"metrics"_s}); // neither named nor #0
    EXPECT_EQ(assigned[1], QStringList{u"alerts"_s});
    EXPECT_EQ(assigned[2], (QStringList{u"overview"_s, u"map"_s}));
}

TEST(ScreenLayout, ANameWinsOverTheScreensIndex)
{
    const ScreenLayout layout = parsed(u"#0=map;HDMI-1=alerts"_s);
    EXPECT_EQ(layout.assign({u"HDMI-1"_s}), std::vector<QStringList>{{u"alerts"_s}});
    EXPECT_EQ(layout.assign({u"DP-2"_s}), std::vector<QStringList>{{u"map"_s}});
}

TEST(ScreenLayout, ScreensNoEntryMatchesGetNoPagesWithoutAStar)
{
    const ScreenLayout layout = parsed(u"HDMI-1=map;#2=alerts"_s);
    const std::vector<QStringList> assigned = layout.assign({u"DP-2"_s, u"HDMI-1"_s});
    EXPECT_EQ(assigned, (std::vector<QStringList>{{}, {u"map"_s}}));
    EXPECT_TRUE(layout.assign({}).empty());
}

TEST(ScreenLayout, KeepsThePagesInTheirOrderRepeatsIncluded)
{
    // A page listed twice shows twice as long in the rotation.
    const ScreenLayout layout = parsed(u"*=metrics,overview,metrics"_s);
    EXPECT_EQ(layout.assign({u"DP-2"_s}).at(0), (QStringList{u"metrics"_s, u"overview"_s, u"metrics"_s}));
}

TEST(ScreenLayout, TakesATrailingSemicolonAndBlanks)
{
    const ScreenLayout layout = parsed(u"  DP-2 = map , alerts ; "_s);
    EXPECT_EQ(layout.assign({u"DP-2"_s}).at(0), (QStringList{u"map"_s, u"alerts"_s}));
}

TEST(ScreenLayout, NamesTheEntryThatIsWrong)
{
    const QString noIndex = u" is not a screen index (#0 is the first screen)"_s;
    const std::vector<std::pair<QString, QString>> cases{
        {u""_s, u"no screens given: expected SCREEN=page,page;SCREEN=page"_s},
        {u" ; "_s, u"no screens given: expected SCREEN=page,page;SCREEN=page"_s},
        {u"HDMI-1"_s, u"\"HDMI-1\": expected SCREEN=page,page"_s},
        {u"=overview"_s, u"\"=overview\": the screen name is empty"_s},
        {u"HDMI-1= "_s, u"\"HDMI-1=\": no pages"_s},
        {u"HDMI-1=overview,mpa"_s, u"\"HDMI-1=overview,mpa\": unknown page \"mpa\" "_s + pageList},
        {u"HDMI-1=Map"_s, u"\"HDMI-1=Map\": unknown page \"Map\" "_s + pageList},
        {u"HDMI-1=overview,,map"_s, u"\"HDMI-1=overview,,map\": a page name is empty"_s},
        {u"HDMI-1=map;HDMI-1=alerts"_s, u"\"HDMI-1=alerts\": screen \"HDMI-1\" is given twice"_s},
        {u"#1=map;#01=alerts"_s, u"\"#01=alerts\": screen \"#01\" is given twice"_s},
        {u"*=map;*=alerts"_s, u"\"*=alerts\": screen \"*\" is given twice"_s},
        {u"#x=map"_s, u"\"#x=map\": \"#x\""_s + noIndex},
        {u"#=map"_s, u"\"#=map\": \"#\""_s + noIndex},
        {u"#-1=map"_s, u"\"#-1=map\": \"#-1\""_s + noIndex},
        {u"#+1=map"_s, u"\"#+1=map\": \"#+1\""_s + noIndex},
        {u"#99999999999=map"_s, u"\"#99999999999=map\": \"#99999999999\""_s + noIndex},
    };
    for (const auto &[text, expected] : cases)
        EXPECT_EQ(parseError(text), expected) << text.toStdString();
}

TEST(ScreenLayout, ReadsTheSettingsFileForm)
{
    QString error;
    const std::optional<ScreenLayout> layout = ScreenLayout::fromJson(R"({
        "rotateSeconds": 45,
        "screens": [
            {"screen": "HDMI-1", "pages": ["overview", "map"]},
            {"screen": "#1", "pages": ["alerts"]},
            {"screen": "*", "pages": ["metrics"]}
        ]})",
                                                                      &error);
    ASSERT_TRUE(layout.has_value()) << error.toStdString();
    const std::vector<QStringList> assigned = layout->assign({u"DP-2"_s, u"eDP-1"_s, u"HDMI-1"_s});
    EXPECT_EQ(assigned, (std::vector<QStringList>{{u"metrics"_s}, {u"alerts"_s}, {u"overview"_s, u"map"_s}}));
}

TEST(ScreenLayout, NamesTheFieldThatIsWrongInTheSettingsFile)
{
    EXPECT_TRUE(jsonError(R"({"screens": [)").startsWith(u"not JSON: "_s));
    EXPECT_EQ(jsonError(R"([])"), u"not a JSON object"_s);
    EXPECT_EQ(jsonError(R"({})"), u"screens: missing"_s);
    EXPECT_EQ(jsonError(R"({"screens": {}})"), u"screens: not an array"_s);
    EXPECT_EQ(jsonError(R"({"screens": []})"), u"screens: no screens given"_s);
    EXPECT_EQ(jsonError(R"({"screens": [1]})"), u"screens[0]: not an object"_s);
    EXPECT_EQ(jsonError(R"({"screens": [{"screen": "A", "pages": ["map"], "page": []}]})"),
              u"screens[0]: unknown field \"page\""_s);
    EXPECT_EQ(jsonError(R"({"screens": [{"pages": ["map"]}]})"), u"screens[0].screen: missing"_s);
    EXPECT_EQ(jsonError(R"({"screens": [{"screen": 1, "pages": ["map"]}]})"),
              u"screens[0].screen: not a string"_s);
    EXPECT_EQ(jsonError(R"({"screens": [{"screen": "", "pages": ["map"]}]})"),
              u"screens[0].screen: the screen name is empty"_s);
    EXPECT_EQ(jsonError(R"({"screens": [{"screen": "A"}]})"), u"screens[0].pages: missing"_s);
    EXPECT_EQ(jsonError(R"({"screens": [{"screen": "A", "pages": "map"}]})"),
              u"screens[0].pages: not an array"_s);
    EXPECT_EQ(jsonError(R"({"screens": [{"screen": "A", "pages": []}]})"), u"screens[0].pages: no pages"_s);
    EXPECT_EQ(jsonError(R"({"screens": [{"screen": "A", "pages": ["map", 2]}]})"),
              u"screens[0].pages[1]: not a string"_s);
    EXPECT_EQ(jsonError(R"({"screens": [{"screen": "A", "pages": ["map", "mpa"]}]})"),
              u"screens[0].pages[1]: unknown page \"mpa\" "_s + pageList);
    EXPECT_EQ(
        jsonError(
            R"({"screens": [{"screen": "#0", "pages": ["map"]}, {"screen": "#0", "pages": ["alerts"]}]})"),
        u"screens[1].screen: screen \"#0\" is given twice"_s);
    EXPECT_EQ(jsonError(R"({"screens": [{"screen": "#a", "pages": ["map"]}]})"),
              u"screens[0].screen: \"#a\" is not a screen index (#0 is the first screen)"_s);
}

TEST(ScreenLayout, AnErrorNeedsNoPlaceToGo)
{
    EXPECT_FALSE(ScreenLayout::parse(u"HDMI-1"_s, nullptr).has_value());
    EXPECT_FALSE(ScreenLayout::fromJson("{}", nullptr).has_value());
}
