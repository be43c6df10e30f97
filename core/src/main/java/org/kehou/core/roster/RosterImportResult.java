package org.kehou.core.roster;

import java.util.List;

/**
 * What an import did, or with {@code preview} what it would do (nothing was kept).
 *
 * @param linksRemoved pupil–guardian links of the classes in the file that the file no longer has
 */
public record RosterImportResult(int studentsCreated, int studentsUpdated, int guardiansCreated, int guardiansUpdated,
    int classesCreated, int classesUpdated, List<RemovedLink> linksRemoved, boolean preview) {

  RosterImportResult asPreview() {
    return new RosterImportResult(studentsCreated, studentsUpdated, guardiansCreated, guardiansUpdated, classesCreated,
        classesUpdated, linksRemoved, true);
  }
}
