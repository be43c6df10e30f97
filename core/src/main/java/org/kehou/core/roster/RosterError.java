package org.kehou.core.roster;

/**
 * One problem in a roster file.
 *
 * @param line the line in the file, the header being line 1
 * @param column the column's header as written in the file
 * @param code a stable English code for programs
 * @param reason the Chinese explanation a school admin reads
 */
public record RosterError(int line, String column, String code, String reason) {
}
