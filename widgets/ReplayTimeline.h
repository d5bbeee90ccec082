#pragma once

#include "feed/ReplayIndex.h"
#include "widgets/ReplayTimelineScale.h"
#include "widgets/Theme.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <span>

class QPainter;

namespace vantage {

// The whole log of a replay at a glance: how busy each stretch of log time is, where alerts were
// raised and resolved, where the live connection was down, and where the replay is. Clicking or dragging asks
// for a seek; so do Home, End, PageUp and PageDown when it has focus (the arrows, Space, + and - stay with
// the playback keys). The widget only asks: whoever owns the replay seeks and reports the new position.
class ReplayTimeline final : public QWidget
{
    Q_OBJECT
public:
    explicit ReplayTimeline(QWidget *parent = nullptr);

    void setTheme(const Theme &theme);
    // Null: nothing to show. A partial index shows the span it knows so far.
    void setIndex(std::shared_ptr<const ReplayIndex> index);
    // The log time of the playhead (ms since the epoch); 0: none yet.
    void setPosition(qint64 logTimeMs);
    qint64 position() const { return m_position; }
    const std::shared_ptr<const ReplayIndex> &index() const { return m_index; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // Once per click or drag, on release, and once per key.
    void seekRequested(qint64 logTimeMs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    // A length in design pixels at the type scale of the widget's font (TypeScale).
    double scaled(double designPx) const;
    QRectF trackRect() const;
    QRectF labelRect() const;
    std::optional<ReplayTimelineScale> scale() const;
    // Where to draw the playhead: where a drag is, else the position; nullopt when neither.
    std::optional<qint64> playheadTime() const;
    void requestSeek(qint64 logTimeMs);
    void hoverAt(const QPointF &pos);

    // The reconnect gap under the cursor, drawn stronger and named in the tooltip; nullptr if none.
    const ReplayTimelineScale::GapSpan *hoveredGap(std::span<const ReplayTimelineScale::GapSpan> spans) const;
    QString gapText(const ReplayTimelineScale &scale, const ReplayTimelineScale::GapSpan &gap) const;

    void paintEmpty(QPainter &painter, const QRectF &track) const;
    void paintGapBands(QPainter &painter, const ReplayTimelineScale &scale,
                       std::span<const ReplayTimelineScale::GapSpan> spans) const;
    void paintGapEdges(QPainter &painter, const ReplayTimelineScale &scale,
                       std::span<const ReplayTimelineScale::GapSpan> spans) const;
    // Bars left of playheadX are drawn as played.
    void paintDensity(QPainter &painter, const ReplayTimelineScale &scale, double playheadX) const;
    void paintAlerts(QPainter &painter, const ReplayTimelineScale &scale) const;
    void paintPlayhead(QPainter &painter, double x) const;
    void paintLabels(QPainter &painter, const ReplayTimelineScale &scale) const;

    Theme m_theme = Theme::dark();
    std::shared_ptr<const ReplayIndex> m_index;
    qint64 m_position = 0;
    // While the left button is down: the time the playhead follows, sought on release.
    std::optional<qint64> m_dragTimeMs;
    std::optional<double> m_hoverX;
};

} // namespace vantage
