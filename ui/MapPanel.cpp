#include "ui/MapPanel.h"

#include "models/DashboardModels.h"
#include "ui/PlainLabel.h"
#include "widgets/ActivityMap.h"
#include "widgets/ValueFormat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace vantage {

namespace {
const QString kSeparator = QStringLiteral(" \u00b7 ");
}

MapPanel::MapPanel(DashboardModels *models, const QString &objectName, QWidget *parent)
    : QFrame(parent)
    , m_models(models)
    , m_map(new ActivityMap(this))
    , m_summary(plainLabel(this, objectName + QStringLiteral(".summary")))
    , m_heat(new QToolButton(this))
    , m_fit(new QToolButton(this))
{
    setObjectName(objectName);
    setProperty("panel", true);
    m_map->setObjectName(objectName + QStringLiteral(".view"));
    m_map->setClock([models] { return models->shownNowMs(); });

    auto *title = plainLabel(this, objectName + QStringLiteral(".title"));
    title->setText(tr("Activity map"));
    title->setProperty("panelTitle", true);
    m_summary->setProperty("muted", true);
    m_heat->setObjectName(objectName + QStringLiteral(".heat"));
    m_heat->setText(tr("Heat"));
    m_heat->setCheckable(true);
    m_heat->setToolTip(tr("Show where activity is densest instead of single events"));
    m_fit->setObjectName(objectName + QStringLiteral(".fit"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Frame the current activity (F); Home resets the view"));
    for (QToolButton *button : {m_heat, m_fit})
        button->setFocusPolicy(Qt::TabFocus);

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(title);
    header->addWidget(m_summary, 1);
    header->addWidget(m_heat);
    header->addWidget(m_fit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_map, 1);

    connect(m_heat, &QToolButton::toggled, m_map,
            [this](bool on) { m_map->setMode(on ? ActivityMap::Mode::Heat : ActivityMap::Mode::Dots); });
    connect(m_fit, &QToolButton::clicked, m_map, &ActivityMap::fitToActivity);
    connect(m_map, &ActivityMap::placeClicked, models->filteredFeed(), &FeedFilterProxy::setPlaceFilter);
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_stale && isVisible())
            refresh();
    });
    connect(models->geo(), &GeoActivityModel::changed, this, [this] {
        m_stale = true;
        if (isVisible())
            requestRefresh();
    });
}

void MapPanel::requestRefresh()
{
    if (m_refreshTimer.isActive())
        return;
    // Never at once: a batch may change the model more than once (places, then events).
    const qint64 waitMs = m_sinceRefresh.isValid() ? m_refreshIntervalMs - m_sinceRefresh.elapsed() : 0;
    m_refreshTimer.start(int(qMax<qint64>(0, waitMs)));
}

void MapPanel::setTheme(const Theme &theme)
{
    m_map->setTheme(theme);
}

void MapPanel::tick()
{
    if (isVisible())
        m_map->setNow(m_models->shownNowMs());
}

void MapPanel::showEvent(QShowEvent *event)
{
    QFrame::showEvent(event);
    if (m_stale)
        refresh();
}

void MapPanel::refresh()
{
    m_refreshTimer.stop();
    m_sinceRefresh.start();
    m_stale = false;
    const GeoActivityModel *geo = m_models->geo();
    const qint64 now = m_models->shownNowMs();
    std::vector<MapMarker> markers;
    markers.reserve(size_t(geo->eventCount()) + geo->sessionPlaces().size());
    int sessions = 0;
    for (const GeoSessionPlace &place : geo->sessionPlaces()) {
        sessions += place.sessions;
        markers.push_back({place.lon, place.lat, now, QString(), place.sessions, true,
                           place.place + kSeparator + tr("%n active", nullptr, place.sessions), place.place});
    }
    // Oldest first, so the newest are drawn on top.
    for (qsizetype i = geo->eventCount() - 1; i >= 0; --i) {
        const GeoEvent &event = geo->event(i);
        if (event.precision != LocationPrecision::Unknown)
            markers.push_back(
                {event.lon, event.lat, event.atMs, event.type, 1, false, event.label, event.place});
    }
    m_map->setMarkers(std::move(markers), now);
    m_map->setUnknownCount(geo->unknownCount());

    QStringList parts;
    parts << tr("%1 events placed")
                 .arg(ValueFormat::count(double(geo->eventCount() - qint64(geo->unknownCount()))));
    if (sessions > 0)
        parts << tr("%1 sessions").arg(ValueFormat::count(double(sessions)));
    m_summary->setText(parts.join(kSeparator));
    m_refreshIntervalMs = qMax<qint64>(kMinRefreshMs, 10 * m_sinceRefresh.elapsed());
}

QString MapPanel::summaryText() const
{
    return m_summary->text();
}

} // namespace vantage
