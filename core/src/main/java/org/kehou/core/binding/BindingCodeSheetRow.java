package org.kehou.core.binding;

/** One line of the printed binding-code sheet: a pupil and one of their guardians, with the guardian's live code. */
public record BindingCodeSheetRow(String className, String studentNo, String studentName, long guardianId,
    String guardianName, String relation, String code) {
}
