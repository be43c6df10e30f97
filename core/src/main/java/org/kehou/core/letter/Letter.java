package org.kehou.core.letter;

/**
 * The notice letter of a school's current term exactly as it is sent, archived under {@code versionId}.
 *
 * @param sha256 hex SHA-256 of {@code text} (UTF-8): what a read receipt refers to
 */
public record Letter(long versionId, long termId, String templateVersion, String sha256, String text) {
}
