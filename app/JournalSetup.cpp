#include "app/JournalSetup.h"

#include "app/RecorderSetup.h"

#include <QDir>
#include <QStandardPaths>

namespace vantage {

std::optional<JournalOptions> journalOptions(const AppOptions &options, bool window)
{
    if (options.journalHours <= 0.0 || (!window && options.journalDir.isEmpty()))
        return std::nullopt;
    JournalOptions journal;
    journal.dir = !options.journalDir.isEmpty()
                      ? options.journalDir
                      : QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                            .filePath(QStringLiteral("journal"));
    journal.retentionMs = qRound64(options.journalHours * 3600.0 * 1000.0);
    return journal;
}

std::unique_ptr<LiveJournal> makeJournal(const JournalOptions &options, const QUrl &origin)
{
    return std::make_unique<LiveJournal>(options, recordingHeader(origin));
}

} // namespace vantage
