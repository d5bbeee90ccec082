#include "widgets/TypeScale.h"

#include <gtest/gtest.h>

using namespace vantage;

namespace {

QFont pixelFont(int pixelSize)
{
    QFont font;
    font.setPixelSize(pixelSize);
    return font;
}

QFont pointFont(double pointSize)
{
    QFont font;
    font.setPointSizeF(pointSize);
    return font;
}

} // namespace

TEST(TypeScale, PointSizedFontIsScaleOne)
{
    // The desk's application font: whatever its size, the widgets keep their design pixels.
    EXPECT_EQ(TypeScale::of(pointFont(9)), 1.0);
    EXPECT_EQ(TypeScale::of(pointFont(14)), 1.0);
    EXPECT_EQ(TypeScale::px(pointFont(14), 11), 11);
    EXPECT_EQ(TypeScale::pxF(pointFont(14), 4.5), 4.5);
}

TEST(TypeScale, PixelSizedFontScalesByTheBaseSize)
{
    EXPECT_EQ(TypeScale::of(pixelFont(TypeScale::basePixelSize)), 1.0);
    EXPECT_EQ(TypeScale::of(pixelFont(26)), 2.0);
    EXPECT_EQ(TypeScale::of(pixelFont(39)), 3.0);
    EXPECT_DOUBLE_EQ(TypeScale::of(pixelFont(20)), 20.0 / 13.0);
}

TEST(TypeScale, PxRoundsAndNeverVanishes)
{
    EXPECT_EQ(TypeScale::px(pixelFont(13), 11), 11);
    EXPECT_EQ(TypeScale::px(pixelFont(26), 11), 22);
    EXPECT_EQ(TypeScale::px(pixelFont(39), 14), 42);
    EXPECT_EQ(TypeScale::px(pixelFont(20), 11), 17); // 16.9
    EXPECT_EQ(TypeScale::px(pixelFont(20), 4), 6);   // 6.15
    // A hairline stays a pixel however small the font.
    EXPECT_EQ(TypeScale::px(pixelFont(2), 3), 1);
    EXPECT_EQ(TypeScale::px(pointFont(9), 0), 1);
}

TEST(TypeScale, PxFKeepsFractions)
{
    EXPECT_DOUBLE_EQ(TypeScale::pxF(pixelFont(26), 4.5), 9.0);
    EXPECT_DOUBLE_EQ(TypeScale::pxF(pixelFont(20), 13.0), 20.0);
}

TEST(TypeScale, WindowFontIsSizedInPixelsAndKeepsTheRest)
{
    QFont app = pointFont(10);
    app.setFamily(QStringLiteral("DejaVu Sans"));
    app.setWeight(QFont::Medium);

    const QFont large = TypeScale::windowFont(app, 3.0);
    EXPECT_EQ(large.pixelSize(), 39);
    EXPECT_EQ(large.family(), app.family());
    EXPECT_EQ(large.weight(), QFont::Medium);
    EXPECT_EQ(TypeScale::of(large), 3.0);

    EXPECT_EQ(TypeScale::windowFont(app, 1.0).pixelSize(), TypeScale::basePixelSize);
    EXPECT_EQ(TypeScale::of(TypeScale::windowFont(app, 1.0)), 1.0);
    EXPECT_EQ(TypeScale::windowFont(app, 1.5).pixelSize(), 20); // 19.5 rounds up
    EXPECT_EQ(TypeScale::windowFont(app, 0.01).pixelSize(), 1);
}
