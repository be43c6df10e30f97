package org.kehou.core.calendar;

/**
 * One problem in a calendar file.
 *
 * @param line   the line in the file, the header being line 1
 * @param column the column's header as written in the file (empty for the file as a whole)
 * @param code   a stable English code for programs
 * @param reason the Chinese explanation a school admin reads
 */
public record CalendarRowError(int line, String column, String code, String reason) {
}
