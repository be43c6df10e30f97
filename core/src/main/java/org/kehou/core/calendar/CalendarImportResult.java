package org.kehou.core.calendar;

/**
 * What an import did, or with {@code preview} what it would do (nothing was kept).
 *
 * @param created   days that had no entry
 * @param changed   days whose entry the file changed
 * @param unchanged days whose entry already said what the file says
 */
public record CalendarImportResult(int created, int changed, int unchanged, boolean preview) {
}
