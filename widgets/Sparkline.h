#pragma once

#include <QColor>
#include <QWidget>

#include <span>
#include <vector>

class QPainter;

namespace vantage {

// A small trend line with a soft fill underneath, painted from plain values (oldest first).
class Sparkline final : public QWidget
{
    Q_OBJECT
public:
    explicit Sparkline(QWidget *parent = nullptr);

    void setValues(std::vector<double> values);
    const std::vector<double> &values() const { return m_values; }
    void setColor(const QColor &color);
    void setIncludeZero(bool includeZero);

    QSize sizeHint() const override;

    // The line's width at a type scale of 1.
    static constexpr double kLineWidth = 1.6;

    // Shared with the tiles and cards that draw a sparkline inside their own paintEvent. typeScale
    // (TypeScale::of the painting widget's font) thickens the line and its dots with the type.
    static void paint(QPainter &painter, const QRectF &rect, std::span<const double> values, const QColor &color,
                      bool includeZero, double typeScale = 1.0);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<double> m_values;
    QColor m_color;
    bool m_includeZero = false;
};

} // namespace vantage
