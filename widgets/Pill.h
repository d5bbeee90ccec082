#pragma once

#include <QColor>
#include <QWidget>

namespace vantage {

// A short label in a rounded, tinted capsule ("DEMO").
class Pill final : public QWidget
{
    Q_OBJECT
public:
    explicit Pill(const QString &text, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setColor(const QColor &color);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QColor m_color;
};

} // namespace vantage
