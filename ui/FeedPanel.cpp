#include "ui/FeedPanel.h"

#include "models/ActivityFeedModel.h"
#include "models/FeedFilterProxy.h"
#include "widgets/FeedItemDelegate.h"
#include "widgets/ValueFormat.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

namespace vantage {

namespace {
// The type combo's data for "Other": a value no single event type is filtered on.
const QString otherTypes = QStringLiteral("*other*");
// Re-filtering a long feed costs a frame or more, so typing settles before it runs.
constexpr int searchDelayMs = 200;
} // namespace

FeedPanel::FeedPanel(ActivityFeedModel *feed, FeedFilterProxy *filtered, QWidget *parent)
    : QFrame(parent),
      m_feed(feed),
      m_filtered(filtered),
      m_delegate(new FeedItemDelegate(this)),
      m_view(new QListView(this)),
      m_typeCombo(new QComboBox(this)),
      m_search(new QLineEdit(this)),
      m_count(new QLabel(this)),
      m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("panel.feed"));
    setProperty("panel", true);

    auto *title = new QLabel(tr("Live activity"), this);
    title->setObjectName(QStringLiteral("panelTitle"));
    m_count->setObjectName(QStringLiteral("feed.count"));
    m_count->setProperty("muted", true);
    m_count->setTextFormat(Qt::PlainText);

    m_typeCombo->setObjectName(QStringLiteral("feed.typeFilter"));
    m_typeCombo->addItem(tr("All types"), QString());
    m_typeCombo->addItem(tr("Signups"), QStringLiteral("signup"));
    m_typeCombo->addItem(tr("Payments"), QStringLiteral("payment"));
    m_typeCombo->addItem(tr("Forms"), QStringLiteral("form_submission"));
    m_typeCombo->addItem(tr("Invitations"), QStringLiteral("invitation"));
    m_typeCombo->addItem(tr("Other"), otherTypes);

    m_search->setObjectName(QStringLiteral("feed.search"));
    m_search->setPlaceholderText(tr("Search name, description, place\u2026"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(200);

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
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_filtered->setTextFilter(m_search->text().trimmed()); });
    connect(m_filtered, &FeedFilterProxy::filterChanged, this, &FeedPanel::refresh);
    connect(m_feed, &QAbstractItemModel::rowsInserted, this, &FeedPanel::noteTypes);

    if (m_feed->rowCount() > 0)
        noteTypes(QModelIndex(), 0, m_feed->rowCount() - 1);
    refresh();
}

bool FeedPanel::isCanonicalType(const QString &type)
{
    return type == QLatin1String("signup") || type == QLatin1String("payment")
           || type == QLatin1String("form_submission") || type == QLatin1String("invitation");
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
}

void FeedPanel::applyTypeFilter()
{
    const QString type = m_typeCombo->currentData().toString();
    if (type != otherTypes) {
        m_filtered->setTypeFilter(type);
        return;
    }
    // The proxy filters on a set of included types, so "Other" is the set of the
    // non-canonical types seen so far; until one is seen nothing may pass, which the
    // sentinel (never an event type) ensures.
    m_filtered->setTypeFilters(m_otherTypes.isEmpty() ? QSet<QString>{otherTypes} : m_otherTypes);
}

void FeedPanel::noteTypes(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    bool grew = false;
    for (int row = first; row <= last; ++row) {
        const QString type = m_feed->itemAt(row).event.type;
        if (!isCanonicalType(type) && !m_otherTypes.contains(type)) {
            m_otherTypes.insert(type);
            grew = true;
        }
    }
    if (grew && m_typeCombo->currentData().toString() == otherTypes)
        applyTypeFilter();
}

} // namespace vantage
