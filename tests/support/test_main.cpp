#include <QApplication>
#include <QLoggingCategory>

#include <gtest/gtest.h>

// Every test binary runs offscreen at a fixed DPI so rendered output is deterministic.
int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_FONT_DPI", "96");
    qputenv("QT_SCALE_FACTOR", "1");
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
