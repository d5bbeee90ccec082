#pragma once

#include <QMainWindow>

namespace vantage {

// The operator's window: the overview page with counters, health cards, feed and alerts.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace vantage
