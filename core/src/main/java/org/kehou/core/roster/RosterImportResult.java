package org.kehou.core.roster;

public record RosterImportResult(int studentsCreated, int studentsUpdated, int guardiansCreated, int guardiansUpdated,
    int classesCreated, int classesUpdated) {
}
