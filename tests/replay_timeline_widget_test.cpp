#include "widgets/ReplayTimeline.h"
#include "widgets/Theme.h"

#include <QDateTime>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdlib>

// The replay timeline: seeks from the mouse and the keys, and what it paints.

using namespace vantage;

namespace {

constexpr qint64 t0 = 1'781'341'200'000; // 2026-06-13T09:00:00Z
constexpr qint64 span = 2 * 3'600'000;
constexpr int widgetWidth = 412;
// The track spans the widget's width less a 6 px margin either side for the playhead's head.
constexpr double trackLeft = 6.0;
constexpr double trackWidth = widgetWidth - 2 * trackLeft;
constexpr double msPerPixel = double(span) / trackWidth;

qint64 timeAtX(double x)
{
    return t0 + qint64((x - trackLeft) / trackWidth * double(span));
}

int xAtFraction(double fraction)
{
    return int(std::lround(trackLeft + fraction * trackWidth));
}

// Busy at a quarter of the span, nothing from a half to the end but the last frame; a critical
// alert raised at 60 %.
std::shared_ptr<ReplayIndex> sampleIndex()
{
    auto index = std::make_shared<ReplayIndex>();
    index->complete = true;
    index->firstTimeMs = t0;
    index->lastTimeMs = t0 + span;
    index->density.add(t0, 5);
    for (qint64 t = 0; t < span / 2; t += 10'000)
        index->density.add(t0 + t, 5);
    index->density.add(t0 + span / 4, 500);
    index->density.add(t0 + span, 1);
    index->frames = qint64(index->density.total());
    index->alerts.push_back({t0 + span * 6 / 10, ReplayIndex::AlertChange::Raised, Severity::Critical});
    return index;
}

struct Fixture
{
    Fixture()
    {
        timeline.resize(widgetWidth, 56);
        timeline.setIndex(sampleIndex());
    }
    ReplayTimeline timeline;
    QSignalSpy seeks{&timeline, &ReplayTimeline::seekRequested};
};

qint64 onlySeek(const QSignalSpy &spy)
{
    EXPECT_EQ(spy.count(), 1);
    return spy.isEmpty() ? 0 : spy.first().first().toLongLong();
}

int colourDistance(QRgb a, const QColor &b)
{
    return std::abs(qRed(a) - b.red()) + std::abs(qGreen(a) - b.green()) + std::abs(qBlue(a) - b.blue());
}

bool hasColourNear(const QImage &image, const QRect &area, const QColor &colour, int tolerance)
{
    const QRect clipped = area.intersected(image.rect());
    for (int y = clipped.top(); y <= clipped.bottom(); ++y) {
        for (int x = clipped.left(); x <= clipped.right(); ++x) {
            if (colourDistance(image.pixel(x, y), colour) <= tolerance)
                return true;
        }
    }
    return false;
}

// The accent, softened over the track: clearly bluer than the track and clearly not the track.
bool hasAccentInk(const QImage &image, const QRect &area, const Theme &theme)
{
    const QRect clipped = area.intersected(image.rect());
    for (int y = clipped.top(); y <= clipped.bottom(); ++y) {
        for (int x = clipped.left(); x <= clipped.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (qBlue(p) - qRed(p) > 40 && colourDistance(p, theme.surfaceAlt) > 60)
                return true;
        }
    }
    return false;
}

// The critical colour, softened over the track by the gap's hatching: clearly redder than the
// track and clearly not the track.
bool hasCriticalInk(const QImage &image, const QRect &area, const Theme &theme)
{
    const QRect clipped = area.intersected(image.rect());
    for (int y = clipped.top(); y <= clipped.bottom(); ++y) {
        for (int x = clipped.left(); x <= clipped.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (qRed(p) - qBlue(p) > 30 && colourDistance(p, theme.surfaceAlt) > 40)
                return true;
        }
    }
    return false;
}

QString clockText(qint64 timeMs)
{
    return QDateTime::fromMSecsSinceEpoch(timeMs).toString(QStringLiteral("HH:mm:ss"));
}

// A move with no button down, as mouse tracking delivers it (QTest's moves need a shown window).
void hover(ReplayTimeline &timeline, int x)
{
    const QPointF pos(x, 20);
    QMouseEvent move(QEvent::MouseMove, pos, timeline.mapToGlobal(pos), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(&timeline, &move);
}

} // namespace

TEST(ReplayTimeline, HasANameSizeAndNoPositionAtFirst)
{
    ReplayTimeline timeline;
    EXPECT_EQ(timeline.accessibleName(), QStringLiteral("Replay timeline"));
    EXPECT_EQ(timeline.position(), 0);
    EXPECT_GE(timeline.sizeHint().height(), 48);
    EXPECT_LE(timeline.sizeHint().height(), 64);
    EXPECT_LE(timeline.minimumSizeHint().height(), 44);
    timeline.setPosition(t0 + 5);
    EXPECT_EQ(timeline.position(), t0 + 5);
}

TEST(ReplayTimeline, AClickSeeksToTheTimeUnderTheCursorOnRelease)
{
    Fixture f;
    const int x = xAtFraction(0.3);
    QTest::mousePress(&f.timeline, Qt::LeftButton, Qt::NoModifier, QPoint(x, 20));
    EXPECT_EQ(f.seeks.count(), 0);
    QTest::mouseRelease(&f.timeline, Qt::LeftButton, Qt::NoModifier, QPoint(x, 20));
    EXPECT_NEAR(double(onlySeek(f.seeks)), double(timeAtX(x)), msPerPixel);
    EXPECT_NEAR(double(f.timeline.position()), double(timeAtX(x)), msPerPixel); // the playhead moved there
}

TEST(ReplayTimeline, ADragSeeksOnceWhereItEnds)
{
    Fixture f;
    QTest::mousePress(&f.timeline, Qt::LeftButton, Qt::NoModifier, QPoint(xAtFraction(0.1), 20));
    QTest::mouseMove(&f.timeline, QPoint(xAtFraction(0.5), 22));
    QTest::mouseMove(&f.timeline, QPoint(xAtFraction(0.9), 30));
    const int end = xAtFraction(0.75);
    QTest::mouseMove(&f.timeline, QPoint(end, 30));
    EXPECT_EQ(f.seeks.count(), 0); // the playhead follows, but nothing is asked until release
    EXPECT_EQ(f.timeline.toolTip(),
              QDateTime::fromMSecsSinceEpoch(timeAtX(end)).toString(QStringLiteral("HH:mm:ss")));
    QTest::mouseRelease(&f.timeline, Qt::LeftButton, Qt::NoModifier, QPoint(end, 30));
    EXPECT_NEAR(double(onlySeek(f.seeks)), double(timeAtX(end)), msPerPixel);
}

TEST(ReplayTimeline, ADragPastTheEndsClampsToTheSpan)
{
    Fixture f;
    QTest::mousePress(&f.timeline, Qt::LeftButton, Qt::NoModifier, QPoint(xAtFraction(0.5), 20));
    QTest::mouseMove(&f.timeline, QPoint(widgetWidth + 300, 20));
    QTest::mouseRelease(&f.timeline, Qt::LeftButton, Qt::NoModifier, QPoint(widgetWidth + 300, 20));
    EXPECT_EQ(onlySeek(f.seeks), t0 + span);

    f.seeks.clear();
    QTest::mouseClick(&f.timeline, Qt::LeftButton, Qt::NoModifier, QPoint(0, 20));
    EXPECT_EQ(onlySeek(f.seeks), t0);
}

TEST(ReplayTimeline, EscapeDuringADragSeeksNowhere)
{
    Fixture f;
    QTest::mousePress(&f.timeline, Qt::LeftButton, Qt::NoModifier, QPoint(xAtFraction(0.2), 20));
    QTest::keyClick(&f.timeline, Qt::Key_Escape);
    QTest::mouseRelease(&f.timeline, Qt::LeftButton, Qt::NoModifier, QPoint(xAtFraction(0.4), 20));
    EXPECT_EQ(f.seeks.count(), 0);
}

TEST(ReplayTimeline, OtherButtonsDoNotSeek)
{
    Fixture f;
    QTest::mouseClick(&f.timeline, Qt::RightButton, Qt::NoModifier, QPoint(xAtFraction(0.5), 20));
    EXPECT_EQ(f.seeks.count(), 0);
}

TEST(ReplayTimeline, HomeAndEndSeekToTheEnds)
{
    Fixture f;
    f.timeline.setPosition(t0 + span / 2);
    QTest::keyClick(&f.timeline, Qt::Key_End);
    EXPECT_EQ(onlySeek(f.seeks), t0 + span);
    f.seeks.clear();
    QTest::keyClick(&f.timeline, Qt::Key_Home);
    EXPECT_EQ(onlySeek(f.seeks), t0);
}

TEST(ReplayTimeline, PageKeysStepATenthOfTheSpanFromThePlayhead)
{
    Fixture f;
    f.timeline.setPosition(t0 + span / 2);
    QTest::keyClick(&f.timeline, Qt::Key_PageDown);
    EXPECT_EQ(onlySeek(f.seeks), t0 + span / 2 + span / 10);
    f.seeks.clear();
    // The second press steps on from the first, before the replay has reported back.
    QTest::keyClick(&f.timeline, Qt::Key_PageUp);
    QTest::keyClick(&f.timeline, Qt::Key_PageUp);
    ASSERT_EQ(f.seeks.count(), 2);
    EXPECT_EQ(f.seeks.at(0).first().toLongLong(), t0 + span / 2);
    EXPECT_EQ(f.seeks.at(1).first().toLongLong(), t0 + span / 2 - span / 10);

    f.seeks.clear();
    f.timeline.setPosition(t0 + span / 20);
    QTest::keyClick(&f.timeline, Qt::Key_PageUp);
    EXPECT_EQ(onlySeek(f.seeks), t0); // clamped to the start

    f.seeks.clear();
    f.timeline.setPosition(0); // no playhead yet: steps from the start
    QTest::keyClick(&f.timeline, Qt::Key_PageDown);
    EXPECT_EQ(onlySeek(f.seeks), t0 + span / 10);
}

TEST(ReplayTimeline, LeavesThePlaybackKeysAlone)
{
    Fixture f;
    f.timeline.setPosition(t0 + span / 2);
    for (const int key :
         {int(Qt::Key_Left), int(Qt::Key_Right), int(Qt::Key_Space), int(Qt::Key_Plus), int(Qt::Key_Minus)}) {
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
        QApplication::sendEvent(&f.timeline, &press);
        EXPECT_FALSE(press.isAccepted()) << "key " << key; // so it reaches the window's shortcuts
    }
    EXPECT_EQ(f.seeks.count(), 0);
}

TEST(ReplayTimeline, WithoutAnIndexNothingSeeks)
{
    ReplayTimeline timeline;
    timeline.resize(widgetWidth, 56);
    QSignalSpy seeks(&timeline, &ReplayTimeline::seekRequested);
    timeline.setIndex(nullptr);
    timeline.setPosition(t0);
    QTest::mouseClick(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(100, 20));
    QTest::keyClick(&timeline, Qt::Key_End);
    QTest::keyClick(&timeline, Qt::Key_PageDown);
    EXPECT_EQ(seeks.count(), 0);
    EXPECT_FALSE(timeline.grab().isNull());

    // An index that knows no time yet is no different.
    timeline.setIndex(std::make_shared<ReplayIndex>());
    QTest::keyClick(&timeline, Qt::Key_Home);
    EXPECT_EQ(seeks.count(), 0);
    EXPECT_FALSE(timeline.grab().isNull());
}

TEST(ReplayTimeline, AnIndexGoingAwayMidDragSeeksNowhere)
{
    Fixture f;
    QTest::mousePress(&f.timeline, Qt::LeftButton, Qt::NoModifier, QPoint(xAtFraction(0.2), 20));
    f.timeline.setIndex(nullptr);
    QTest::mouseRelease(&f.timeline, Qt::LeftButton, Qt::NoModifier, QPoint(xAtFraction(0.4), 20));
    EXPECT_EQ(f.seeks.count(), 0);
}

TEST(ReplayTimeline, APartialIndexSpansWhatItKnows)
{
    Fixture f;
    auto partial = sampleIndex();
    partial->complete = false;
    partial->lastTimeMs = t0 + span / 2;
    f.timeline.setIndex(partial);
    QTest::keyClick(&f.timeline, Qt::Key_End);
    EXPECT_EQ(onlySeek(f.seeks), t0 + span / 2);
}

TEST(ReplayTimeline, PaintsTheAlertInItsSeverityColour)
{
    for (const Theme &theme : {Theme::dark(), Theme::light()}) {
        Fixture f;
        f.timeline.setTheme(theme);
        const QImage image = f.timeline.grab().toImage();
        const int alertX = xAtFraction(0.6);
        const QColor critical = theme.severityColor(Severity::Critical);
        EXPECT_TRUE(hasColourNear(image, QRect(alertX - 2, 0, 5, 24), critical, 30));
        // Nowhere else: the colour marks the alert.
        EXPECT_FALSE(hasColourNear(image, QRect(0, 0, alertX - 6, 56), critical, 30));
        EXPECT_FALSE(hasColourNear(image, QRect(alertX + 6, 0, widgetWidth, 56), critical, 30));
    }
}

TEST(ReplayTimeline, PaintsDensityOnlyWhereThereAreFrames)
{
    for (const Theme &theme : {Theme::dark(), Theme::light()}) {
        Fixture f;
        f.timeline.setTheme(theme);
        const QImage image = f.timeline.grab().toImage();
        const int busyX = xAtFraction(0.25);
        const int emptyX = xAtFraction(0.8);
        EXPECT_TRUE(hasAccentInk(image, QRect(busyX - 1, 15, 3, 20), theme));
        EXPECT_FALSE(hasAccentInk(image, QRect(emptyX - 1, 0, 3, 56), theme));
    }
}

TEST(ReplayTimeline, ThePlayedPartIsTintedAndThePlayheadDrawn)
{
    Fixture f;
    const Theme theme = Theme::dark();
    f.timeline.setTheme(theme);
    const QImage before = f.timeline.grab().toImage();
    f.timeline.setPosition(t0 + span * 7 / 10);
    const QImage after = f.timeline.grab().toImage();
    const int playedX = xAtFraction(0.65);
    const int playheadX = xAtFraction(0.7);
    const int aheadX = xAtFraction(0.9);
    EXPECT_NE(before.pixel(playedX, 28), after.pixel(playedX, 28));
    EXPECT_EQ(before.pixel(aheadX, 28), after.pixel(aheadX, 28));
    EXPECT_TRUE(hasColourNear(after, QRect(playheadX - 1, 15, 3, 20), theme.text, 20));
}

TEST(ReplayTimeline, PaintsAGapOnlyWhereTheConnectionWasDown)
{
    for (const Theme &theme : {Theme::dark(), Theme::light()}) {
        Fixture f;
        auto index = sampleIndex();
        index->gaps.push_back({t0 + span * 3 / 10, t0 + span * 4 / 10});
        f.timeline.setIndex(index);
        f.timeline.setTheme(theme);
        const QImage image = f.timeline.grab().toImage();
        const int from = xAtFraction(0.3);
        const int to = xAtFraction(0.4);
        // The hatching up the band, above the density, and the critical line along its foot.
        EXPECT_TRUE(hasCriticalInk(image, QRect(from + 2, 8, to - from - 4, 10), theme));
        EXPECT_TRUE(hasColourNear(image, QRect(from + 2, 30, to - from - 4, 15), theme.critical, 30));
        // Not either side of it, up to the alert at 60 %.
        EXPECT_FALSE(hasCriticalInk(image, QRect(0, 0, from - 2, 56), theme));
        EXPECT_FALSE(hasCriticalInk(image, QRect(to + 2, 0, xAtFraction(0.55) - to - 2, 56), theme));
    }
}

TEST(ReplayTimeline, AlertTicksAndThePlayheadShowOverAGap)
{
    for (const Theme &theme : {Theme::dark(), Theme::light()}) {
        Fixture f;
        auto index = sampleIndex();
        index->gaps.push_back({t0 + span * 3 / 10, t0 + span * 4 / 10});
        index->alerts.push_back({t0 + span * 35 / 100, ReplayIndex::AlertChange::Raised, Severity::Warning});
        f.timeline.setIndex(index);
        f.timeline.setTheme(theme);
        f.timeline.setPosition(t0 + span * 33 / 100);
        const QImage image = f.timeline.grab().toImage();
        const int alertX = xAtFraction(0.35);
        const int playheadX = xAtFraction(0.33);
        EXPECT_TRUE(hasColourNear(image, QRect(alertX - 1, 0, 3, 24), theme.warning, 30));
        EXPECT_TRUE(hasColourNear(image, QRect(playheadX - 1, 15, 3, 20), theme.text, 20));
    }
}

TEST(ReplayTimeline, HoveringAGapNamesItsTimesAndLength)
{
    Fixture f;
    auto index = sampleIndex();
    const qint64 longStart = t0 + span * 3 / 10;
    const qint64 shortStart = t0 + span * 7 / 10;
    const qint64 flapStart = t0 + span * 9 / 10;
    index->gaps = {
        {longStart, longStart + 245'000},  // 4 min 05 s: about 14 px
        {shortStart, shortStart + 37'000}, // 37 s: the 2 px minimum
        {flapStart, flapStart + 4'000},    // two drops within a pixel of each other
        {flapStart + 10'000, flapStart + 16'000},
    };
    f.timeline.setIndex(index);

    hover(f.timeline, int(std::lround(trackLeft + (double(longStart - t0) + 122'500.0) / msPerPixel)));
    EXPECT_EQ(f.timeline.toolTip(), QStringLiteral("Disconnected %1 \u2013 %2 (4 min 05 s)")
                                        .arg(clockText(longStart), clockText(longStart + 245'000)));

    // A couple of pixels right of a narrow band (it ends 2 px after its start) still finds it.
    hover(f.timeline, int(std::lround(trackLeft + double(shortStart - t0) / msPerPixel)) + 4);
    EXPECT_EQ(f.timeline.toolTip(), QStringLiteral("Disconnected %1 \u2013 %2 (37 s)")
                                        .arg(clockText(shortStart), clockText(shortStart + 37'000)));

    hover(f.timeline, int(std::lround(trackLeft + double(flapStart - t0) / msPerPixel)));
    EXPECT_EQ(f.timeline.toolTip(), QStringLiteral("Disconnected 2 times, %1 \u2013 %2 (10 s in all)")
                                        .arg(clockText(flapStart), clockText(flapStart + 16'000)));

    // Elsewhere, the time under the cursor as before.
    const int elsewhere = xAtFraction(0.5);
    hover(f.timeline, elsewhere);
    EXPECT_EQ(f.timeline.toolTip(), clockText(timeAtX(elsewhere)));
}
