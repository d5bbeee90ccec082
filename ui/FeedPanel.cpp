#include "ui/FeedPanel.h"

#include "models/ActivityFeedModel.h"
#include "models/EventTypes.h"
#include "models/FeedFilterProxy.h"
#include "widgets/FeedItemDelegate.h"
#include "widgets/TypeScale.h"
#include "widgets/ValueFormat.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vantage {

namespace {
// Marks the type combo's "Other" entry; the others carry the type they filter on ("" = all).
constexpr int otherTypesRole = Qt::UserRole + 1;
// Re-filtering a long feed costs a frame or more, so typing settles before it runs.
constexpr int searchDelayMs = 200;
} // namespace

FeedPanel::FeedPanel(ActivityFeedModel *feed, FeedFilterProxy *filtered, QWidget *parent)
    : QFrame(parent)
    , m_feed(feed)
    , m_filtered(filtered)
    , m_delegate(new FeedItemDelegate(this))
    , m_view(new QListView(this))
    , m_typeCombo(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_place(new QToolButton(this))
    , m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("panel.feed"));
    setProperty("panel", true);

    auto *title = new QLabel(tr("Live activity"), this);
    title->setObjectName(QStringLiteral("panelTitle"));
    m_count->setObjectName(QStringLiteral("feed.count"));
    m_count->setProperty("muted", true);
    m_count->setTextFormat(Qt::PlainText);

    m_place->setObjectName(QStringLiteral("feed.placeFilter"));
    m_place->setToolTip(tr("Only events at this place, picked on the map; click to show every place"));
    m_place->setFocusPolicy(Qt::TabFocus);
    m_place->hide();

    m_typeCombo->setObjectName(QStringLiteral("feed.typeFilter"));
    m_typeCombo->addItem(tr("All types"), QString());
    m_typeCombo->addItem(tr("Signups"), QString(EventType::signup));
    m_typeCombo->addItem(tr("Payments"), QString(EventType::payment));
    m_typeCombo->addItem(tr("Forms"), QString(EventType::formSubmission));
    m_typeCombo->addItem(tr("Invitations"), QString(EventType::invitation));
    m_typeCombo->addItem(tr("Other"), QString());
    m_typeCombo->setItemData(m_typeCombo->count() - 1, true, otherTypesRole);

    m_search->setObjectName(QStringLiteral("feed.search"));
    m_search->setPlaceholderText(tr("Search name, description, place\u2026"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(TypeScale::px(font(), kSearchMinWidth));

    m_view->setObjectName(QStringLiteral("feed.view"));
    m_view->setModel(filtered);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformItemSizes(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setMouseTracking(true);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(searchDelayMs);

    auto *header = new QHBoxLayout;
    header->setSpacing(10);
    header->addWidget(title);
    header->addWidget(m_count);
    header->addStretch(1);
    header->addWidget(m_place);
    header->addWidget(m_typeCombo);
    header->addWidget(m_search);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 6, 6);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    header->setContentsMargins(0, 0, 8, 0);

    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &FeedPanel::applyTypeFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this,
            [this] { m_filtered->setTextFilter(m_search->text().trimmed()); });
    connect(m_filtered, &FeedFilterProxy::filterChanged, this, &FeedPanel::refresh);
    connect(m_place, &QToolButton::clicked, m_filtered, [this] { m_filtered->setPlaceFilter(QString()); });
    refresh();
}

void FeedPanel::setTheme(const Theme &theme)
{
    m_delegate->setTheme(theme);
    m_view->viewport()->update();
}

QString FeedPanel::countText() const
{
    return m_count->text();
}

void FeedPanel::refresh()
{
    const int shown = m_filtered->rowCount();
    const int total = m_feed->rowCount();
    if (shown == total)
        m_count->setText(tr("%1 events").arg(ValueFormat::count(shown)));
    else
        m_count->setText(tr("%1 of %2 events").arg(ValueFormat::count(shown), ValueFormat::count(total)));
    // A place comes from the backend's data: a button shows plain text, but "&" would mark a
    // shortcut, so it is doubled.
    const QString place = m_filtered->placeFilter();
    m_place->setVisible(!place.isEmpty());
    m_place->setText(QString(place).replace(u'&', QStringLiteral("&&")) + QStringLiteral("  \u2715"));
}

void FeedPanel::applyTypeFilter()
{
    if (m_typeCombo->currentData(otherTypesRole).toBool())
        m_filtered->setOtherTypesOnly(true);
    else
        m_filtered->setTypeFilter(m_typeCombo->currentData().toString());
}

void FeedPanel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // A wall's type scale (MainWindow::setTypeScale) reaches the panel as a new font.
    if (event->type() == QEvent::FontChange)
        m_search->setMinimumWidth(TypeScale::px(font(), kSearchMinWidth));
}

} // namespace vantage
