#include "ui/MainWindow.h"

namespace vantage {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Vantage"));
}

} // namespace vantage
