#include "app/FrameProbe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTextStream>

#include <chrono>

// The peer of `vantage --exit-after-first-frame` (bench/startup): a bare QMainWindow of the same
// size that reports its first painted frame the same way, with the same probe, and exits. With
// --text, its central widget is one line of text: the least a window that shows words pays, since
// the first text measured loads fontconfig's configuration and a font.
int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    if (QCoreApplication::arguments().contains(QStringLiteral("--text")))
        window.setCentralWidget(new QLabel(QStringLiteral("Vantage \u00b7 12,345 events"), &window));
    else
        window.setCentralWidget(new QWidget(&window));
    window.resize(1280, 800);
    auto *probe = new vantage::FrameProbe(&window);
    QObject::connect(probe, &vantage::FrameProbe::firstFramePainted, [] {
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
            std::chrono::steady_clock::now().time_since_epoch());
        QTextStream(stdout) << "first_frame_monotonic_ns " << qint64(ns.count()) << Qt::endl;
        QApplication::exit(0);
    });
    window.show();
    return QApplication::exec();
}
