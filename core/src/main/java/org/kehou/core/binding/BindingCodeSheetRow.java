package org.kehou.core.binding;

/**
 * One line of the printed binding-code sheet: a pupil and one of their guardians, with the guardian's live code, or
 * none when the guardian is bound already (a sheet never hands out a way to add an account to a bound family).
 */
public record BindingCodeSheetRow(String className, String studentNo, String studentName, long guardianId,
    String guardianName, String relation, String code, boolean bound) {
}
